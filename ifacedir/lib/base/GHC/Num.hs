{-# LANGUAGE NoImplicitPrelude #-}
-- | The 'Num' class and its instances for 'Int' and 'Integer' (the instances for
-- 'Double' and 'Float' are in "GHC.Float").
--
-- An integer literal @n@ anywhere means @GHC.Num.fromInteger (n :: Integer)@.
module GHC.Num
  ( Num((+), (-), (*), negate, abs, signum, fromInteger)
  , subtract
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base

infixl 7 *
infixl 6 +, -

class Num a where
  (+), (-), (*) :: a -> a -> a
  negate :: a -> a
  abs :: a -> a
  signum :: a -> a
  fromInteger :: Integer -> a

  x - y = x + negate y
  negate x = 0 - x

-- | @subtract x y = y - x@, for sections: @(subtract 1)@.
subtract :: Num a => a -> a -> a
subtract x y = y - x

-- | 64-bit, wrapping on overflow.
instance Num Int where
  (+) = primIntAdd
  (-) = primIntSub
  (*) = primIntMul
  negate = primIntNegate
  abs n = if n `primIntLt` 0 then primIntNegate n else n
  signum n
    | n `primIntLt` 0 = primIntNegate 1
    | n `primIntEq` 0 = 0
    | otherwise = 1
  fromInteger = primIntegerToInt

instance Num Integer where
  (+) = primIntegerAdd
  (-) = primIntegerSub
  (*) = primIntegerMul
  negate = primIntegerNegate
  abs n = if n `primIntegerLt` 0 then primIntegerNegate n else n
  signum n
    | n `primIntegerLt` 0 = primIntegerNegate 1
    | n `primIntegerEq` 0 = 0
    | otherwise = 1
  fromInteger n = n
