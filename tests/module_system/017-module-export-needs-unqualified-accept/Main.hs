module Main (main) where

import B

g :: String
g = "g from Main"

main :: IO ()
main = putStrLn f >> putStrLn g
