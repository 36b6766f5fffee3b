module A (Colour(..)) where

data Colour = Red | Green | Blue
