module Main (main) where

filter :: Int -> Int
filter n = n + 1

main :: IO ()
main = print (filter 1)
