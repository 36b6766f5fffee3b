module Main (main) where

-- The number of ways to place n queens on an n x n board: lists, comprehensions,
-- and closures. The size comes from the first argument (default 8).

import System.Environment (getArgs)

queens :: Int -> [[Int]]
queens n = go n
  where
    go 0 = [[]]
    go k = [q : qs | qs <- go (k - 1), q <- [1 .. n], safe q qs]

safe :: Int -> [Int] -> Bool
safe q qs = and [q /= c && abs (q - c) /= d | (d, c) <- zip [1 ..] qs]

main :: IO ()
main = do
  args <- getArgs
  let n = case args of
        (a : _) -> read a
        [] -> 8
  print (length (queens n))
  print (head (queens n))
