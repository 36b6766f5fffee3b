module Main (main) where

import A hiding (T)

main :: IO ()
main = putStrLn (describe (T 1))
