module Main (main) where

data T = T

instance Pretty T

main :: IO ()
main = print 1
