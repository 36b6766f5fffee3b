module Main (main) where

main :: IO ()
main = print (1 == 1 == True)
