module Main (main) where

import A

name :: String
name = "Main"

greeting :: String
greeting = "hello"

main :: IO ()
main = do
  putStrLn greeting
  putStrLn Main.name
  putStrLn (name ++ "!")
