module Main (main) where

import A (T(..), describe)

main :: IO ()
main = putStrLn (describe X)
