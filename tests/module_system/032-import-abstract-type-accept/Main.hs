module Main (main) where

import A (T, describe, defaultT)

pick :: T
pick = defaultT

main :: IO ()
main = putStrLn (describe pick)
