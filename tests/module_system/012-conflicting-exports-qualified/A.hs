module A (x) where

x :: String
x = "A"
