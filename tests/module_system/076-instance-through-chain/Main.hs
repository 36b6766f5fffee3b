module Main (main) where

import A
import C

main :: IO ()
main = print (T cValue)
