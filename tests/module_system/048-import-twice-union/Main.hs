module Main (main) where

import A (f)
import A (g)

main :: IO ()
main = putStrLn (f ++ g)
