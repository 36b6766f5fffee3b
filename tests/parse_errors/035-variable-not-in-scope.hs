module Main (main) where

main :: IO ()
main = print (lenght "abc")
