module Main (main) where

-- The primes below a bound by the lazy "unfaithful" sieve of Eratosthenes: lazy
-- lists, filters and Int division. The bound comes from the first argument
-- (default 10000).

import System.Environment (getArgs)

primes :: [Int]
primes = sieve [2 ..]
  where
    sieve (p : xs) = p : sieve [x | x <- xs, x `mod` p /= 0]
    sieve [] = []

main :: IO ()
main = do
  args <- getArgs
  let n = case args of
        (a : _) -> read a
        [] -> 10000
      below = takeWhile (< n) primes
  print (length below)
  print (sum below)
  print (last below)
