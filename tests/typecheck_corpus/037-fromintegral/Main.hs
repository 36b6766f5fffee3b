toD n = fromIntegral n
average :: [Int] -> Double
average xs = fromIntegral (sum xs) / fromIntegral (length xs)
percent part whole = 100 * fromIntegral part / fromIntegral whole
roundTrip x = toInteger (round x :: Int)

main :: IO ()
main = do
  print (toD (3 :: Int) :: Double, toD (2 ^ 70 :: Integer) :: Int)
  print (average [1, 2, 3, 4])
  print (percent (1 :: Int) (3 :: Integer) :: Double)
  print (roundTrip 2.5, roundTrip 3.5, roundTrip (-2.5))
  print (floor (-0.5 :: Double) :: Integer, ceiling 2.1 :: Int, truncate (-7.9 :: Double) :: Int)
