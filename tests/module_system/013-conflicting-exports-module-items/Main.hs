module Main (main) where

import C

main :: IO ()
main = putStrLn fromA
