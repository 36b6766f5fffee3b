module Main (main) where

import B

main :: IO ()
main = print (10 -: 3 -: 2)
