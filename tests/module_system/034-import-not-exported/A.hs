module A (f) where

f :: Int
f = 1
