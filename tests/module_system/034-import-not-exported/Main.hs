module Main (main) where

import A (f, nope)

main :: IO ()
main = print f
