module Main (main) where

import Data.Char (digitToInt)

-- Integer beyond 64 bits: factorials, powers, division of big numbers with
-- both signs, show of big negatives, gcd/lcm, read of a big literal.
fact :: Integer -> Integer
fact n = product [1 .. n]

choose :: Integer -> Integer -> Integer
choose n k = fact n `div` (fact k * fact (n - k))

digitSum :: Integer -> Int
digitSum = sum . map digitToInt . show

big :: Integer
big = 2 ^ (100 :: Int)

main :: IO ()
main = do
  print (fact 25)
  print big
  print (big + 1, big - 1)
  print (negate (fact 22))
  print (big `div` 3 ^ (20 :: Int), big `mod` 3 ^ (20 :: Int))
  let n = negate (2 ^ (70 :: Int)) :: Integer
  print (n `div` 7, n `mod` 7)
  print (n `quot` 7, n `rem` 7)
  print (divMod (-17) 5 :: (Integer, Integer), quotRem (-17) 5 :: (Integer, Integer))
  print (divMod big (-1000000007))
  print (gcd (fact 20) (2 ^ (70 :: Int)), lcm (fact 15) (3 ^ (12 :: Int)) :: Integer)
  print (show (negate (10 ^ (30 :: Int)) :: Integer))
  print (Just (negate big))
  print (read "123456789012345678901234567890" * 2 :: Integer)
  print (choose 60 30)
  print (digitSum (2 ^ (200 :: Int)))
  print (length (show (fact 50)))
  print (abs (negate big) == big, signum (negate big), signum (0 :: Integer))
  print (big * big)
  print (compare big (big + 1), maximum [fact 10, 2 ^ (22 :: Int), 4000000])
  print (fromIntegral (maxBound :: Int) + 1 :: Integer)
  print (toInteger (minBound :: Int) - 1)
  print (divMod (2 ^ (64 :: Int)) (2 ^ (32 :: Int) + 1) :: (Integer, Integer))
