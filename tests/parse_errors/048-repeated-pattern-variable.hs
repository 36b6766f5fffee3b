module Main (main) where

same :: Int -> Int -> Int
same x x = x

main :: IO ()
main = print (same 1 1)
