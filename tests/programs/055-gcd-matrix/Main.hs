module Main (main) where

import Data.List (transpose)

-- Euclid's GCD, extended Euclid, LCM (checked against the Prelude's), and
-- matrix arithmetic with lists of lists: multiplication, powers (Fibonacci
-- by matrix power), identity, transpose, determinant.
myGcd :: Integer -> Integer -> Integer
myGcd a 0 = abs a
myGcd a b = myGcd b (a `mod` b)

myLcm :: Integer -> Integer -> Integer
myLcm _ 0 = 0
myLcm a b = abs (a `div` myGcd a b * b)

extGcd :: Integer -> Integer -> (Integer, Integer, Integer)
extGcd a 0 = (a, 1, 0)
extGcd a b = let (g, x, y) = extGcd b (a `mod` b) in (g, y, x - (a `div` b) * y)

type Matrix = [[Integer]]

mmul :: Matrix -> Matrix -> Matrix
mmul a b = [[sum (zipWith (*) row col) | col <- transpose b] | row <- a]

identity :: Int -> Matrix
identity n = [[if i == j then 1 else 0 | j <- [1 .. n]] | i <- [1 .. n]]

mpow :: Matrix -> Int -> Matrix
mpow m 0 = identity (length m)
mpow m k
  | even k = let h = mpow m (k `div` 2) in mmul h h
  | otherwise = mmul m (mpow m (k - 1))

det :: Matrix -> Integer
det [[x]] = x
det m = sum [(-1) ^ i * head row * det (minor i) | (i, row) <- zip [0 :: Int ..] m]
  where
    minor i = [tail r | (j, r) <- zip [0 ..] m, j /= i]

showMatrix :: Matrix -> String
showMatrix = unlines . map (unwords . map show)

main :: IO ()
main = do
  print (myGcd 1071 462, myGcd (-48) 18, myLcm 21 6, myLcm 4 (-6))
  print (and [myGcd a b == gcd a b && myLcm a b == lcm a b | a <- [-12 .. 12], b <- [-12, -7 .. 12]])
  print (extGcd 240 46, extGcd 17 5)
  let (g, x, y) = extGcd 240 46 in print (240 * x + 46 * y == g)
  let a = [[1, 2], [3, 4]]
      b = [[5, 6, 7], [8, 9, 10]]
  print (mmul a b)
  putStr (showMatrix (mmul a a))
  print (mpow [[1, 1], [1, 0]] 50)
  print (head (mpow [[1, 1], [1, 0]] 90) !! 1)
  print (mmul (identity 3) [[1, 2, 3], [4, 5, 6], [7, 8, 10]] == [[1, 2, 3], [4, 5, 6], [7, 8, 10]])
  print (det [[1, 2, 3], [4, 5, 6], [7, 8, 10]], det [[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 0], [1, 1, 1, 5]])
  print (transpose [[1, 2, 3], [4, 5, 6 :: Integer]])
