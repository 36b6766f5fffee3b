module Main (helper) where

helper :: String
helper = "helper"

main :: IO ()
main = putStrLn helper
