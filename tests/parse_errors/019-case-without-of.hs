module Main (main) where

f :: Int -> Int
f n = case n
  0 -> 1
  _ -> n

main :: IO ()
main = print (f 1)
