module Main (main) where

import A
import B

name :: Colour -> String
name _ = "colour"

main :: IO ()
main = putStrLn "unreachable"
