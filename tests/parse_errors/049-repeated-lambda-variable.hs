module Main (main) where

main :: IO ()
main = print ((\x x -> x) 1 2)
