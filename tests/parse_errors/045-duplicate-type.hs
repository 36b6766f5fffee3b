module Main (main) where

data T = A

type T = Int

main :: IO ()
main = print 1
