module Main (main) where

import Data.Stack (fromList, toList)

main :: IO ()
main = print (toList (fromList "abc"))
