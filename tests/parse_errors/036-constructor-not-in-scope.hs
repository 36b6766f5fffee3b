module Main (main) where

data Colour = Red | Green
  deriving Show

main :: IO ()
main = print [Red, Blue]
