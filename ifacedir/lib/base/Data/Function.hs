{-# LANGUAGE NoImplicitPrelude #-}
-- | Combinators on functions.
module Data.Function
  ( id, const, (.), flip, ($), (&), on, fix
  ) where

import GHC.Base

infixl 0 `on`
infixl 1 &

-- | Reverse application: @x & f = f x@.
(&) :: a -> (a -> b) -> b
x & f = f x

-- | @(op `on` f) x y = f x `op` f y@.
on :: (b -> b -> c) -> (a -> b) -> a -> a -> c
on op f x y = f x `op` f y

-- | The least fixed point: @fix f = f (fix f)@.
fix :: (a -> a) -> a
fix f = let x = f x in x
