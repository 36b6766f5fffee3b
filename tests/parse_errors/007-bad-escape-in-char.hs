module Main (main) where

c :: Char
c = '\z'

main :: IO ()
main = print c
