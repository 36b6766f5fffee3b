module Main (main) where

import B
import D ()

main :: IO ()
main = putStrLn (announce True)
