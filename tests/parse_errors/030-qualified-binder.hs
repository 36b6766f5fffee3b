module Main (main) where

Main.f = 1

main :: IO ()
main = print Main.f
