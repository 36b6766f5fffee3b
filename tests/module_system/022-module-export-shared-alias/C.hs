module C (g) where

g :: String
g = "g from C"
