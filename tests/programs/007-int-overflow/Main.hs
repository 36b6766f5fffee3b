module Main (main) where

import Data.Char (ord)

-- Int is 64-bit and wraps on overflow; fromIntegral from Integer keeps the
-- low 64 bits.
hash :: String -> Int
hash = foldl step 5381
  where
    step h c = h * 33 + ord c

main :: IO ()
main = do
  print (maxBound :: Int)
  print (maxBound + 1 :: Int)
  print (minBound - 1 :: Int)
  print (2 ^ (63 :: Int) :: Int, 2 ^ (64 :: Int) :: Int)
  print (product [1 .. 25] :: Int)
  print (product [1 .. 25] :: Integer)
  print (fromIntegral (2 ^ (64 :: Int) + 5 :: Integer) :: Int)
  print (fromIntegral (2 ^ (63 :: Int) :: Integer) :: Int)
  print (negate (minBound :: Int), abs (minBound :: Int))
  print ((maxBound :: Int) * 3, (maxBound :: Int) * (maxBound :: Int))
  print (hash "hello", hash "the quick brown fox jumps over the lazy dog")
  print (sum (replicate 4 (maxBound `div` 3)) :: Int)
  print (fromIntegral (maxBound :: Int) * 2 :: Integer)
  print (toInteger (maxBound :: Int) + toInteger (maxBound :: Int))
  print (minBound `div` 2 :: Int, (-7) `div` 2 :: Int, (-7) `quot` 2 :: Int)
  print ((-7) `mod` 2 :: Int, (-7) `rem` 2 :: Int, 7 `mod` (-2) :: Int)
  print (fromIntegral (300 :: Int) :: Integer, fromInteger (2 ^ (65 :: Int) - 1) :: Int)
