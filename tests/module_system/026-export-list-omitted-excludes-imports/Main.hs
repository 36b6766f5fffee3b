module Main (main) where

import A

main :: IO ()
main = putStrLn fromA >> putStrLn helper
