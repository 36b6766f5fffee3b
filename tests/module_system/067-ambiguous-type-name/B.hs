module B (Colour(..)) where

data Colour = Cyan | Magenta
