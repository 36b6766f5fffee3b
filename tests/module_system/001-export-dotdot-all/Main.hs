module Main (main) where

import A

name :: Colour -> String
name Red = "red"
name Green = "green"
name Blue = "blue"

main :: IO ()
main = putStrLn (unwords (map name [Red, Green, Blue]))
