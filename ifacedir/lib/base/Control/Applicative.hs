{-# LANGUAGE NoImplicitPrelude #-}
-- | Applicative functors.
module Control.Applicative
  ( Applicative(pure, (<*>), liftA2, (*>), (<*))
  , Alternative(empty, (<|>), some, many)
  , Functor(fmap, (<$))
  , (<$>), (<**>), liftA, liftA3, optional
  ) where

import GHC.Base

-- | One or none.
optional :: Alternative f => f a -> f (Maybe a)
optional v = (Just <$> v) <|> pure Nothing
