module Main (main) where

main :: IO ()
main = do

f :: Int
f = 1
