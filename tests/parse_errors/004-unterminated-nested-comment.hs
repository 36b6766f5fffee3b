module Main (main) where

{- outer {- inner -} still in the outer comment

main :: IO ()
main = putStrLn "unreachable"
