module Main (main) where

f :: Int -> Int
f n = if n > 0 then n

main :: IO ()
main = print (f 1)
