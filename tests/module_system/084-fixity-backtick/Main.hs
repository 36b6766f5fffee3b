module Main (main) where

import A

main :: IO ()
main = print (10 `minus` 3 `minus` 2, 2 * 3 `minus` 1)
