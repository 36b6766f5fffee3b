module Main (main) where

main :: IO ()
main = let x = 1
           y = 2
           x = 3
       in print (x + y)
