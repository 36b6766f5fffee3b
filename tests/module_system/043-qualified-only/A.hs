module A (f) where

f :: String
f = "f"
