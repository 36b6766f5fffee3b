module Main (main) where

import A
import B

main :: IO ()
main = putStrLn fromA >> putStrLn fromB
