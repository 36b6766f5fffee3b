module Main (main) where

c :: Char
c = 'ab'

main :: IO ()
main = print c
