module A (T(Z)) where

data T = X | Y

data U = Z
