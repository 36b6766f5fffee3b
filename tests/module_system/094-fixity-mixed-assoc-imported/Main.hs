module Main (main) where

import A

main :: IO ()
main = print (1 +++ 2 -:- 3)
