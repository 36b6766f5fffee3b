module Pretty (Pretty(..)) where

class Pretty a where
  pretty :: a -> String

instance Pretty Bool where
  pretty b = if b then "yes" else "no"
