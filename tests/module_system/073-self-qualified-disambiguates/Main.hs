module Main (main) where

import A

name :: String
name = "Main"

main :: IO ()
main = putStrLn Main.name >> putStrLn A.name
