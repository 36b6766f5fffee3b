{-# LANGUAGE NoImplicitPrelude #-}
-- | Types whose values can index arrays.
module Data.Ix
  ( Ix(range, index, inRange, rangeSize)
  ) where

import GHC.Types
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum
import GHC.Real

-- | @range (l, u)@ lists the indices from @l@ to @u@; @index@ gives the position
-- of an index in the range (an error outside it).
class Ord a => Ix a where
  range :: (a, a) -> [a]
  index :: (a, a) -> a -> Int
  inRange :: (a, a) -> a -> Bool
  rangeSize :: (a, a) -> Int

  rangeSize b@(_, h)
    | inRange b h = index b h + 1
    | otherwise = 0

-- | GHC's message for an index out of range.
indexError :: Show a => (a, a) -> a -> String -> b
indexError rng i tp =
  errorWithoutStackTrace
    ( showString "Ix{" . showString tp . showString "}.index: Index "
        . showParen True (showsPrec 0 i)
        . showString " out of range "
        $ showParen True (showsPrec 0 rng) "" )

hopelessIndexError :: Int
hopelessIndexError = errorWithoutStackTrace "Error in array index"

instance Ix Int where
  range (m, n) = enumFromTo m n
  index b i
    | inRange b i = i - fst2 b
    | otherwise = indexError b i "Int"
  inRange (m, n) i = m <= i && i <= n

instance Ix Integer where
  range (m, n) = enumFromTo m n
  index b i
    | inRange b i = fromInteger (i - fst2 b)
    | otherwise = indexError b i "Integer"
  inRange (m, n) i = m <= i && i <= n

instance Ix Char where
  range (m, n) = enumFromTo m n
  index b i
    | inRange b i = ord i - ord (fst2 b)
    | otherwise = indexError b i "Char"
  inRange (m, n) i = m <= i && i <= n

instance Ix Bool where
  range (m, n) = enumFromTo m n
  index b i
    | inRange b i = fromEnum i - fromEnum (fst2 b)
    | otherwise = indexError b i "Bool"
  inRange (m, n) i = m <= i && i <= n

instance Ix Ordering where
  range (m, n) = enumFromTo m n
  index b i
    | inRange b i = fromEnum i - fromEnum (fst2 b)
    | otherwise = indexError b i "Ordering"
  inRange (m, n) i = m <= i && i <= n

instance Ix () where
  range _ = [()]
  index _ _ = 0
  inRange _ _ = True

instance (Ix a, Ix b) => Ix (a, b) where
  range ((l1, l2), (u1, u2)) = [(i1, i2) | i1 <- range (l1, u1), i2 <- range (l2, u2)]
  index b@((l1, l2), (u1, u2)) i@(i1, i2)
    | inRange b i = index (l1, u1) i1 * rangeSize (l2, u2) + index (l2, u2) i2
    | otherwise = hopelessIndexError
  inRange ((l1, l2), (u1, u2)) (i1, i2) = inRange (l1, u1) i1 && inRange (l2, u2) i2

instance (Ix a, Ix b, Ix c) => Ix (a, b, c) where
  range ((l1, l2, l3), (u1, u2, u3)) =
    [(i1, i2, i3) | i1 <- range (l1, u1), i2 <- range (l2, u2), i3 <- range (l3, u3)]
  index b@((l1, l2, l3), (u1, u2, u3)) i@(i1, i2, i3)
    | inRange b i =
        (index (l1, u1) i1 * rangeSize (l2, u2) + index (l2, u2) i2) * rangeSize (l3, u3)
          + index (l3, u3) i3
    | otherwise = hopelessIndexError
  inRange ((l1, l2, l3), (u1, u2, u3)) (i1, i2, i3) =
    inRange (l1, u1) i1 && inRange (l2, u2) i2 && inRange (l3, u3) i3

fst2 :: (a, b) -> a
fst2 (x, _) = x
