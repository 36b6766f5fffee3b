module Main (main) where

import qualified A as Q (f)

main :: IO ()
main = putStrLn Q.f >> putStrLn Q.g
