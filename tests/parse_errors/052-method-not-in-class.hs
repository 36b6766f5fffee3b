module Main (main) where

data T = T

instance Show T where
  display T = "T"

main :: IO ()
main = print 1
