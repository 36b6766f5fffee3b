-- Float: conversions round once; arithmetic and functions.
fs :: [Float]
fs = [0.1, 1 / 3, 16777217, 16777219, 3.4028235e38, 3.4028236e38, 1.0e-45, 7.0e-46, 1.4e-45, 1.17549435e-38, 0.3, 2.5, -0.0]

big :: [Integer]
big = [2 ^ (53 :: Int) + 2 ^ (29 :: Int) + 1, 2 ^ (24 :: Int) + 1, 2 ^ (24 :: Int) + 3, 2 ^ (128 :: Int), 2 ^ (128 :: Int) - 2 ^ (103 :: Int), 2 ^ (128 :: Int) - 2 ^ (104 :: Int), 33554435]

main :: IO ()
main = do
  print fs
  print (map fromInteger big :: [Float], map (fromInteger . negate) big :: [Float])
  print (map (\x -> x * 3 + 1) fs, map sqrt [2, 3, 10 :: Float], map recip [3, 7 :: Float])
  print (map exp [0.5, 1, 10 :: Float], map log [2, 10 :: Float], map sin [1, 100 :: Float], map cos [1 :: Float])
  print (map tan [1 :: Float], map atan [1 :: Float], map (** 0.3) [2, 7 :: Float], map tanh [0.5 :: Float])
  print (map decodeFloat fs, map (\x -> (isDenormalized x, isNegativeZero x, isInfinite x)) fs)
  print (map truncate fs :: [Integer], map round fs :: [Int], map properFraction [2.75, -2.75 :: Float] :: [(Int, Float)])
  print (map toRational [0.1, 1.0e-45 :: Float], realToFrac (0.1 :: Double) :: Float, read "0.1" :: Float, read "1e-46" :: Float)
  print (enumFromThenTo 0.1 0.2 1.0 :: [Float], significand (8 :: Float), exponent (8 :: Float), scaleFloat 2 (1.5 :: Float))
  print (encodeFloat 1 (-149) :: Float, encodeFloat 16777215 104 :: Float, floatRange (1 :: Float), atan2 1 (-1) :: Float)
