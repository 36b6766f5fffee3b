module Main (main) where

import qualified A

main :: IO ()
main = print (A.mk 3)
