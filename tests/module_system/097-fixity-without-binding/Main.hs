module Main (main) where

infixr 5 +++

main :: IO ()
main = putStrLn "unreachable"
