module Geometry.Shapes
  ( Circle (..)
  , Rect (..)
  , Triangle
  , triangle
  ) where

import Geometry.Class

-- Types and their instances of a class defined in another module.
newtype Circle = Circle Double
  deriving Show

data Rect = Rect Double Double
  deriving Show

data Triangle = Triangle Double Double Double
  deriving Show

-- A smart constructor: only valid triangles.
triangle :: Double -> Double -> Double -> Maybe Triangle
triangle a b c
  | a + b > c && a + c > b && b + c > a = Just (Triangle a b c)
  | otherwise = Nothing

instance Shape Circle where
  area (Circle r) = pi * r * r
  perimeter (Circle r) = 2 * pi * r

instance Shape Rect where
  area (Rect w h) = w * h
  perimeter (Rect w h) = 2 * (w + h)
  name (Rect w h) = if w == h then "Square" else "Rect"

instance Shape Triangle where
  area (Triangle a b c) = sqrt (s * (s - a) * (s - b) * (s - c))
    where
      s = (a + b + c) / 2
  perimeter (Triangle a b c) = a + b + c
