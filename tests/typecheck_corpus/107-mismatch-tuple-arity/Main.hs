first :: (Int, Int, Int) -> Int
first (a, b) = a

main :: IO ()
main = print (first (1, 2, 3))
