module Main (main) where

import A hiding (X)

main :: IO ()
main = putStrLn (describe Y) >> putStrLn (describe X)
