module Main (main) where

import A hiding (nope)

main :: IO ()
main = putStrLn f
