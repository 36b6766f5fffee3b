module Main (main) where

{- a comment that never ends

main :: IO ()
main = putStrLn "unreachable"
