module Geometry.Class
  ( Shape (..)
  , describe
  ) where

-- A class with a superclass and defaults, defined in its own module.
class Show a => Shape a where
  area :: a -> Double
  perimeter :: a -> Double
  name :: a -> String
  name x = takeWhile (/= ' ') (show x)
  summary :: a -> String
  summary x = name x ++ ": area " ++ show (area x) ++ ", perimeter " ++ show (perimeter x)

describe :: Shape a => [a] -> [String]
describe = map summary
