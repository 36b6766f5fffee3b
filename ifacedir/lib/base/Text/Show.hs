{-# LANGUAGE NoImplicitPrelude #-}
-- | Converting values to strings.
module Text.Show
  ( Show(showsPrec, show, showList)
  , ShowS
  , shows, showChar, showString, showParen, showListWith
  ) where

import GHC.Show
