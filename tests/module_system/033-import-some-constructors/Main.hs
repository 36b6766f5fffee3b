module Main (main) where

import A (T(X), describe)

main :: IO ()
main = putStrLn (describe X ++ describe Y)
