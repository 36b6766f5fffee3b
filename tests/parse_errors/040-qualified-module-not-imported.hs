module Main (main) where

main :: IO ()
main = print (Data.List.sort [2, 1])
