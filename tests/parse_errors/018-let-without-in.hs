module Main (main) where

f :: Int -> Int
f n = let m = n + 1

main :: IO ()
main = print (f 1)
