module A ((-:)) where

(-:) :: Int -> Int -> Int
a -: b = a - b
