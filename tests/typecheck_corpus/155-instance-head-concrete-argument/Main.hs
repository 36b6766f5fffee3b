class Sum a where
  total :: a -> Int

instance Sum [Int] where
  total = sum

main :: IO ()
main = print (total [1, 2, 3 :: Int])
