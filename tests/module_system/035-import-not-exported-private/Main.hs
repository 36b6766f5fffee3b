module Main (main) where

import A (public, secret)

main :: IO ()
main = putStrLn public
