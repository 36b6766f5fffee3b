module D () where

import A

instance Describe Bool where
  describe b = if b then "yes" else "no"
