module Main (main) where

-- nfib n counts the calls it makes: the classic benchmark of function calls and
-- Int arithmetic. The size comes from the first argument (default 22).

import System.Environment (getArgs)

nfib :: Int -> Int
nfib n = if n < 2 then 1 else nfib (n - 1) + nfib (n - 2) + 1

main :: IO ()
main = do
  args <- getArgs
  let n = case args of
        (a : _) -> read a
        [] -> 22
  print (nfib n)
