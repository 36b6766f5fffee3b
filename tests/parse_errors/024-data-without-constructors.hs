module Main (main) where

data T =

main :: IO ()
main = putStrLn "unreachable"
