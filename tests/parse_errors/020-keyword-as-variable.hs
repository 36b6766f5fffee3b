module Main (main) where

data :: Int
data = 1

main :: IO ()
main = print 1
