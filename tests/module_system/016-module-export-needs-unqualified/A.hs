module A (f, g) where

f :: String
f = "f from A"

g :: String
g = "g from A"
