module Main (main) where

import qualified A as L
import qualified C as L

main :: IO ()
main = putStrLn L.name
