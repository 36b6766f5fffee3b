module Main (main) where

main :: IO ()
main = print (- 2 ^ 2, (- 2) ^ 2, - 7 `mod` 3, (- 7) `mod` 3 :: Int)
