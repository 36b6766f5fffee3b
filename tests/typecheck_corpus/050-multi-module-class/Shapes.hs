module Shapes (Shape(..), HasArea(..), Square(..), Circle(..), totalArea) where

class HasArea a where
  area :: a -> Double
  perimeter :: a -> Double

data Square = Square Double deriving Show
data Circle = Circle Double deriving Show

instance HasArea Square where
  area (Square s) = s * s
  perimeter (Square s) = 4 * s

instance HasArea Circle where
  area (Circle r) = 3 * r * r
  perimeter (Circle r) = 6 * r

data Shape = SquareShape Square | CircleShape Circle deriving Show

instance HasArea Shape where
  area (SquareShape s) = area s
  area (CircleShape c) = area c
  perimeter (SquareShape s) = perimeter s
  perimeter (CircleShape c) = perimeter c

totalArea xs = sum (map area xs)
