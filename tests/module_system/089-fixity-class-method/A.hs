module A (Combine(..)) where

class Combine a where
  infixr 5 <+>
  (<+>) :: a -> a -> a

instance Combine Int where
  a <+> b = a - b
