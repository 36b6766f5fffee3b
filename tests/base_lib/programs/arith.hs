-- Integral and fractional arithmetic.
import Data.Ratio

main :: IO ()
main = do
  let ps = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (0, 5)] :: [(Int, Int)]
  print [(quot a b, rem a b, div a b, mod a b) | (a, b) <- ps]
  print [(quotRem a b, divMod a b) | (a, b) <- ps]
  let qs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (10 ^ (20 :: Int) + 1, -3)] :: [(Integer, Integer)]
  print [(quot a b, rem a b, div a b, mod a b) | (a, b) <- qs]
  print (maxBound + 1 :: Int, minBound - 1 :: Int, (maxBound :: Int) * 2, negate (minBound :: Int))
  print (rem (minBound :: Int) (-1), mod (minBound :: Int) (-1), abs (minBound :: Int))
  print (fromIntegral (2 ^ (64 :: Int) + 3 :: Integer) :: Int, fromInteger (-(2 ^ (63 :: Int)) - 1) :: Int)
  print (2 ^ (10 :: Int) :: Int, 2 ^ (100 :: Int) :: Integer, 3 ^ (0 :: Int) :: Int, 1.1 ^ (10 :: Int) :: Double, 2 ^^ (-3 :: Int) :: Double)
  print (gcd 12 18 :: Int, gcd (-12) 18 :: Int, gcd 0 0 :: Int, lcm 4 6 :: Int, lcm 0 3 :: Integer)
  print (even (4 :: Int), odd (-3 :: Integer), subtract 3 10 :: Int, signum (-5 :: Int), abs (-7 :: Integer))
  let ds = [2.5, 3.5, -2.5, -3.5, 2.4999, 2.6, -0.5, 0.5, 1.5, 0, -7.9] :: [Double]
  print (map round ds :: [Int])
  print (map truncate ds :: [Int], map floor ds :: [Integer], map ceiling ds :: [Int])
  print (map properFraction ds :: [(Int, Double)])
  print (round (1.0e20 :: Double) :: Integer, truncate (-1.0e20 :: Double) :: Integer)
  print (round (2.5 :: Float) :: Int, floor (-0.1 :: Float) :: Int, ceiling (3.000001 :: Float) :: Int)
  print (fromIntegral (3 :: Int) / 2 :: Double, realToFrac (1.5 :: Double) :: Double, realToFrac (0.1 :: Float) :: Double)
  print (toRational (0.75 :: Double), toRational (0.1 :: Double), realToFrac (3 % 8 :: Rational) :: Double)
  print (3 % 4 + 1 % 4 :: Rational, 3 % (-6) :: Rational, numerator (6 % 8 :: Rational), denominator (6 % 8 :: Rational))
  print (recip (3 % 4 :: Rational), (1 % 3) * (3 % 5) :: Rational, compare (1 % 3) (1 % 2 :: Rational))
  print (Just (-3 % 4 :: Rational), [1 % 2 :: Ratio Int], round (5 % 2 :: Rational) :: Int, round (7 % 2 :: Rational) :: Int)
  print (floor (-7 % 2 :: Rational) :: Integer, properFraction (-7 % 2 :: Rational) :: (Integer, Rational))
  print (pi :: Double, exp 1 :: Double, sqrt 2 :: Double, log 10 :: Double, sin 1 :: Double, cos 1 :: Double)
  print (tan 0.5 :: Double, asin 0.5 :: Double, acos 0.5 :: Double, atan 1 :: Double, sinh 1 :: Double)
  print (cosh 1 :: Double, tanh 0.5 :: Double, asinh 1 :: Double, acosh 2 :: Double, atanh 0.5 :: Double)
  print (2 ** 0.5 :: Double, logBase 2 1024 :: Double, logBase 10 1000 :: Double)
  print (atan2 1 1 :: Double, atan2 1 (-1) :: Double, atan2 (-1) (-1) :: Double, atan2 0 (-1) :: Double, atan2 (-0.0) (-1) :: Double)
  print (decodeFloat (1.5 :: Double), decodeFloat (0 :: Double), encodeFloat 3 4 :: Double, significand (8 :: Double), exponent (8 :: Double))
  print (isNaN (0 / 0 :: Double), isInfinite (1 / 0 :: Double), isNegativeZero (-0.0 :: Double), isDenormalized (5.0e-324 :: Double))
  print (floatDigits (1 :: Double), floatRange (1 :: Double), floatRadix (1 :: Double), scaleFloat 3 (1.5 :: Double))
  print (decodeFloat (1.5 :: Float), floatDigits (1 :: Float), pi :: Float, sqrt 2 :: Float, isIEEE (1 :: Float))
  print (max (0 / 0) (1 :: Double), min 1 (2 :: Double), compare (0 / 0) (1 :: Double), (0 / 0 :: Double) == 0 / 0)
  print (abs (-0.0 :: Double), signum (-2.5 :: Double), signum (0 :: Double), negate (0 :: Double))
  print (sum [1, 2, 3 :: Int], product (enumFromTo 1 20 :: [Integer]), sum [] :: Double, product [0.5, 4 :: Double])
  print (fromIntegral (maxBound :: Int) :: Double, fromInteger (2 ^ (54 :: Int) + 3) :: Double, toInteger (minBound :: Int))
