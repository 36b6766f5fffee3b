module Main (main) where

-- Infinite lists, consumed lazily: take, zip [1..], a knot-tied fibs, a
-- sieve, cycle, iterate, repeat, a merge of infinite lists (Hamming numbers).
fibs :: [Integer]
fibs = 0 : 1 : zipWith (+) fibs (tail fibs)

primes :: [Int]
primes = sieve [2 ..]
  where
    sieve (p : xs) = p : sieve [x | x <- xs, x `mod` p /= 0]
    sieve [] = []

hamming :: [Integer]
hamming = 1 : merge3 (map (* 2) hamming) (map (* 3) hamming) (map (* 5) hamming)
  where
    merge3 a b c = merge a (merge b c)
    merge xxs@(x : xs) yys@(y : ys)
      | x < y = x : merge xs yys
      | x > y = y : merge xxs ys
      | otherwise = x : merge xs ys
    merge xs [] = xs
    merge [] ys = ys

ones :: [Int]
ones = 1 : ones

triangulars :: [Int]
triangulars = scanl1 (+) [1 ..]

collatzFrom :: Int -> [Int]
collatzFrom = iterate step
  where
    step n = if even n then n `div` 2 else 3 * n + 1

main :: IO ()
main = do
  print (take 15 fibs)
  print (fibs !! 90)
  print (takeWhile (< 60) primes)
  print (primes !! 30)
  print (take 7 (cycle [1, 2, 3 :: Int]))
  print (take 8 (iterate (* 2) (1 :: Integer)))
  print (zip [1 :: Int ..] "lazy")
  print (take 3 (repeat 'x'), replicate 2 True)
  print (head (dropWhile (< 1000) (map (^ (2 :: Int)) [1 :: Int ..])))
  print (take 20 hamming)
  print (take 5 ones, sum (take 100 ones))
  print (takeWhile (< 50) triangulars)
  print (takeWhile (/= 1) (collatzFrom 27) !! 10, length (takeWhile (/= 1) (collatzFrom 27)))
  let evens = [0, 2 ..] :: [Int]
      odds = map (+ 1) evens
  print (take 5 (zipWith (*) evens odds))
  print (take 3 [(i, j) | i <- [1 :: Int ..], j <- [1 .. i], i * j == 12])
  print (lookup 5 (zip [1 :: Int ..] (words "a b c d e f g")))
  print (fst (span even ([2, 4, 6, 7] ++ [1 :: Int ..])))
  print (elem 97 primes, any (> 1000) fibs)
  print (take 6 (concatMap (\x -> [x, -x]) [1 :: Int ..]))
