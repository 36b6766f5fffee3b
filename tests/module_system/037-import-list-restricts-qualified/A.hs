module A (f, g) where

f :: String
f = "f"

g :: String
g = "g"
