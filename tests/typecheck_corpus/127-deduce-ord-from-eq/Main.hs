largest :: Eq a => [a] -> a
largest = maximum

main :: IO ()
main = print (largest [1, 3, 2 :: Int])
