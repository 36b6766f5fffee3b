{-# LANGUAGE NoImplicitPrelude #-}
-- | Orderings.
module Data.Ord
  ( Ord(compare, (<), (<=), (>), (>=), max, min)
  , Ordering(LT, EQ, GT)
  , comparing
  , Down(Down)
  ) where

import GHC.Base
import GHC.Num
import GHC.Show

-- | @comparing f x y = compare (f x) (f y)@.
comparing :: Ord b => (a -> b) -> a -> a -> Ordering
comparing f x y = compare (f x) (f y)

-- | The reversed ordering.
newtype Down a = Down a

instance Eq a => Eq (Down a) where
  Down x == Down y = x == y

instance Ord a => Ord (Down a) where
  compare (Down x) (Down y) = compare y x

instance Show a => Show (Down a) where
  showsPrec d (Down x) = showParen (d >= 11) (showString "Down " . showsPrec 11 x)
