module Main (main) where

c :: Char
c = 'a

main :: IO ()
main = print c
