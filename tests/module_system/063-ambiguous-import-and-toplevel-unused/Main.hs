module Main (main) where

import A

name :: String
name = "Main"

main :: IO ()
main = putStrLn fromA
