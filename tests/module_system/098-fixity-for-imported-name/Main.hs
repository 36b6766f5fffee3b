module Main (main) where

import A

infixl 5 -:

main :: IO ()
main = print (10 -: 3 -: 2)
