module Main (main) where

f :: String
f = "Main.f"

main :: IO ()
main = putStrLn Main.f
