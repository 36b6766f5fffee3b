module Main (main) where

import A as B

main :: IO ()
main = putStrLn f >> putStrLn B.f
