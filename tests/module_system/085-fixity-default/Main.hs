module Main (main) where

import A

main :: IO ()
main = print (10 -: 3 -: 2, 2 * 5 -: 3)
