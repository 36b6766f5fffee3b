module Main (main) where

-- Primes up to 500: the Eratosthenes sieve by crossing out multiples in a
-- list of flags, trial division by smaller primes, prime factorisation,
-- twin primes and Goldbach pairs.
sieve :: Int -> [Int]
sieve n = go [2 .. n]
  where
    go [] = []
    go (p : xs)
      | p * p > n = p : xs
      | otherwise = p : go [x | x <- xs, x `mod` p /= 0]

primes :: [Int]
primes = 2 : filter isPrime [3, 5 ..]

isPrime :: Int -> Bool
isPrime k = k > 1 && all (\p -> k `mod` p /= 0) (takeWhile (\p -> p * p <= k) primes)

factorise :: Int -> [Int]
factorise = go primes
  where
    go _ 1 = []
    go ps@(p : rest) m
      | p * p > m = [m]
      | m `mod` p == 0 = p : go ps (m `div` p)
      | otherwise = go rest m
    go [] m = [m]

main :: IO ()
main = do
  let ps = sieve 500
  print ps
  print (length ps, last ps, sum ps)
  print (ps == takeWhile (<= 500) primes)
  print (map factorise [360, 97, 1001, 1024, 9999])
  print [(p, p + 2) | (p, q) <- zip ps (tail ps), q == p + 2, p < 200]
  print [(p, 100 - p) | p <- takeWhile (<= 50) ps, isPrime (100 - p)]
