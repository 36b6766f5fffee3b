module Main (main) where

import A (X, describe)

main :: IO ()
main = putStrLn (describe X)
