main :: IO ()
main = do
  let n = 7 :: Int
  print (fromIntegral n / 2 :: Double)
  print (read "123" + 1 :: Integer)
  print (((\x -> x + 1) :: Num a => a -> a) 2.5)
  print (minBound :: Char, maxBound :: Int)
  print (toEnum 65 :: Char, fromEnum 'B')
  print ([] :: [Int], (show :: Bool -> String) True)
