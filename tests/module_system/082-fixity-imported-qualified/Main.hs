module Main (main) where

import qualified A as X

main :: IO ()
main = print (10 X.-: 3 X.-: 2, 2 * 5 X.-: 1)
