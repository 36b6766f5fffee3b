inc :: Int -> Int
inc x y = x + 1

main :: IO ()
main = print (inc 1)
