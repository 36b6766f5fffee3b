module A (Shape(..)) where

class Shape a where
  area :: a -> Int
