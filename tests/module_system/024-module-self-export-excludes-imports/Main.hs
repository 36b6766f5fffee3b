module Main (main) where

import B

main :: IO ()
main = putStrLn shout >> putStrLn greet
