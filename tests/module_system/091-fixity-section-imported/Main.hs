module Main (main) where

import A

main :: IO ()
main = print (map (10 -: 3 -:) [2])
