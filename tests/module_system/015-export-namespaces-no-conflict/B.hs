module B (Two(..)) where

data Two = Pair | Single
  deriving Show
