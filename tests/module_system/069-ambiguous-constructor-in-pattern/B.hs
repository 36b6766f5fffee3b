module B (Colour(..)) where

data Colour = Red | Blue
