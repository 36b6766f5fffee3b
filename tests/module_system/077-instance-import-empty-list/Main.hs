module Main (main) where

import A
import B ()

main :: IO ()
main = print (T 1)
