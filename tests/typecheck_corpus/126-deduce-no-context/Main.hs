addOne :: a -> a
addOne x = x + 1

main :: IO ()
main = print (addOne (2 :: Int))
