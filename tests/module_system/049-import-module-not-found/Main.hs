module Main (main) where

import Nowhere (f)

main :: IO ()
main = putStrLn f
