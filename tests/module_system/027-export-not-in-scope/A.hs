module A (f, nope) where

f :: Int
f = 1
