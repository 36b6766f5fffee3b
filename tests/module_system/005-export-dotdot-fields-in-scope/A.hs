module A (Point(..)) where

data Point = Point { px :: Int, py :: Int }
