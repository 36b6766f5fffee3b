{-# LANGUAGE NoImplicitPrelude #-}
-- | Booleans.
module Data.Bool
  ( Bool(False, True), (&&), (||), not, otherwise, bool
  ) where

import GHC.Base

-- | @bool f t b@: @t@ if @b@, else @f@.
bool :: a -> a -> Bool -> a
bool f _ False = f
bool _ t True = t
