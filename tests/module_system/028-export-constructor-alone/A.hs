module A (X) where

data T = X
