module Main (main) where

import B

main :: IO ()
main = putStrLn (describe X ++ describe Y)
