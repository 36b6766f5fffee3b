module A (Describe(..)) where

class Describe a where
  describe :: a -> String
