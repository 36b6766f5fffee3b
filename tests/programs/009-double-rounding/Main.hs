module Main (main) where

-- From Double to integral types: truncate, round (half to even), floor,
-- ceiling, properFraction; and back with fromIntegral.
average :: [Int] -> Double
average xs = fromIntegral (sum xs) / fromIntegral (length xs)

celsius :: Double -> Double
celsius f = (f - 32) * 5 / 9

main :: IO ()
main = do
  let xs = [2.5, 3.5, -2.5, -3.5, 2.4, 2.6, -2.6, 0.5, -0.5, 1.5, 0] :: [Double]
  print (map round xs :: [Int])
  print (map truncate xs :: [Int])
  print (map floor xs :: [Int])
  print (map ceiling xs :: [Int])
  print (properFraction (3.75 :: Double) :: (Int, Double))
  print (properFraction (-3.75 :: Double) :: (Integer, Double))
  print (round (1e20 :: Double) :: Integer, truncate (-1.5e19 :: Double) :: Integer)
  print (floor (1e10 + 0.5 :: Double) :: Int, ceiling (-1e-9 :: Double) :: Int)
  print (fromIntegral (7 :: Int) / 2 :: Double)
  print (average [1, 2, 3, 4], average [10, 0, 5])
  print (map celsius [32, 212, 98.6, -40])
  print (map (round . celsius) [0, 100, 451] :: [Integer])
  print (toRational (0.75 :: Double), toRational (0.1 :: Double))
  print (fromIntegral (floor (2.999999 :: Double) :: Int) :: Double)
  print (truncate (10 / 3 :: Double) :: Int, 10 `div` 3 :: Int)
  print (round (0.5 + 1e-12 :: Double) :: Int, round (-0.5 - 1e-12 :: Double) :: Int)
  print (decodeFloat (1.5 :: Double), significand (8 :: Double), exponent (8 :: Double))
  print (floor (-0.0 :: Double) :: Int, round (7.5 :: Double) :: Int, round (8.5 :: Double) :: Int)
