module Vector
  ( Vec (..)
  , VectorSpace (..)
  , (.*)
  , dot
  , norm
  ) where

-- Operators whose fixity declarations travel with them through the export
-- list: a class with operator methods and a fixity inside the class, and a
-- plain operator.
infixl 6 ^+^, ^-^
infixl 7 *^

class VectorSpace v where
  (^+^) :: v -> v -> v
  (*^) :: Double -> v -> v
  (^-^) :: v -> v -> v
  a ^-^ b = a ^+^ ((-1) *^ b)
  zero :: v

data Vec = Vec Double Double
  deriving (Show, Eq)

instance VectorSpace Vec where
  Vec a b ^+^ Vec c d = Vec (a + c) (b + d)
  k *^ Vec a b = Vec (k * a) (k * b)
  zero = Vec 0 0

instance VectorSpace Double where
  (^+^) = (+)
  (*^) = (*)
  zero = 0

infixl 7 .*
(.*) :: Vec -> Vec -> Double
Vec a b .* Vec c d = a * c + b * d

dot :: Vec -> Vec -> Double
dot = (.*)

norm :: Vec -> Double
norm v = sqrt (v .* v)
