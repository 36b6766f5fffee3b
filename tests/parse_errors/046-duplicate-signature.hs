module Main (main) where

f :: Int -> Int
f :: Int -> Int
f n = n

main :: IO ()
main = print (f 1)
