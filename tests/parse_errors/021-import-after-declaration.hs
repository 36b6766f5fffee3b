module Main (main) where

x :: Int
x = 1

import Data.List (sort)

main :: IO ()
main = print (sort [x])
