module Main (main) where

greeting :: String
greeting = "hello

main :: IO ()
main = putStrLn greeting
