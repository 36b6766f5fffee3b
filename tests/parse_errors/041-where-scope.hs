module Main (main) where

f :: Int -> Int
f 0 = k
  where k = 10
f n = n + k

main :: IO ()
main = print (f 1)
