module B (x) where

x :: String
x = "B"
