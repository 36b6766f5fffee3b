module Main (main) where

main :: IO ()
main = putStrLn "\1114112"
