{-# LANGUAGE NoImplicitPrelude #-}
-- | Rational numbers and the numeric classes above 'Num': 'Real', 'Integral',
-- 'Fractional', 'RealFrac', with instances for 'Int', 'Integer' and 'Ratio'.
--
-- A fractional literal @d@ anywhere means @GHC.Real.fromRational (n :% m)@ with
-- n/m the exact value of @d@.  This module and those below it use none.
module GHC.Real
  ( Ratio((:%)), Rational
  , (%), numerator, denominator, reduce, ratioPrec, ratioPrec1
  , Real(toRational)
  , Integral(quot, rem, div, mod, quotRem, divMod, toInteger)
  , Fractional((/), recip, fromRational)
  , RealFrac(properFraction, truncate, round, ceiling, floor)
  , fromIntegral, realToFrac, (^), (^^), gcd, lcm, even, odd
  , numericEnumFrom, numericEnumFromThen, numericEnumFromTo, numericEnumFromThenTo
  , divZeroError, overflowError, ratioZeroDenominatorError
  , showSigned
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum

infixr 8 ^, ^^
infixl 7 /, `quot`, `rem`, `div`, `mod`
infixl 7 %

-- | A ratio of two integral numbers, kept in lowest terms with a positive
-- denominator.
data Ratio a = !a :% !a

-- | Arbitrary-precision rational numbers.
type Rational = Ratio Integer

ratioPrec, ratioPrec1 :: Int
ratioPrec = 7
ratioPrec1 = 8

divZeroError :: a
divZeroError = errorWithoutStackTrace "divide by zero"

overflowError :: a
overflowError = errorWithoutStackTrace "arithmetic overflow"

ratioZeroDenominatorError :: a
ratioZeroDenominatorError = errorWithoutStackTrace "Ratio has zero denominator"

-- Classes ------------------------------------------------------------------------------

class (Num a, Ord a) => Real a where
  toRational :: a -> Rational

-- | Integral division.  'quot' truncates towards zero, 'div' towards negative
-- infinity; @(x `quot` y) * y + (x `rem` y) == x@ and likewise for div/mod.
class (Real a, Enum a) => Integral a where
  quot, rem, div, mod :: a -> a -> a
  quotRem, divMod :: a -> a -> (a, a)
  toInteger :: a -> Integer

  n `quot` d = fst2 (quotRem n d)
  n `rem` d = snd2 (quotRem n d)
  n `div` d = fst2 (divMod n d)
  n `mod` d = snd2 (divMod n d)
  divMod n d =
    let qr = quotRem n d
        q = fst2 qr
        r = snd2 qr
    in if signum r == negate (signum d) then (q - 1, r + d) else qr

fst2 :: (a, b) -> a
fst2 (x, _) = x

snd2 :: (a, b) -> b
snd2 (_, y) = y

class Num a => Fractional a where
  (/) :: a -> a -> a
  recip :: a -> a
  fromRational :: Rational -> a

  recip x = 1 / x
  x / y = x * recip y

class (Real a, Fractional a) => RealFrac a where
  properFraction :: Integral b => a -> (b, a)
  truncate, round, ceiling, floor :: Integral b => a -> b

  truncate x = fst2 (properFraction x)
  round x =
    let nr = properFraction x
        n = fst2 nr
        r = snd2 nr
        m = if r < 0 then n - 1 else n + 1
    in case signum (abs r - fromRational (1 :% 2)) of
         -1 -> n
         0 -> if even n then n else m
         1 -> m
         _ -> errorWithoutStackTrace "round default defn: Bad value"
  ceiling x = let nr = properFraction x in if snd2 nr > 0 then fst2 nr + 1 else fst2 nr
  floor x = let nr = properFraction x in if snd2 nr < 0 then fst2 nr - 1 else fst2 nr

-- Functions -----------------------------------------------------------------------------

fromIntegral :: (Integral a, Num b) => a -> b
fromIntegral x = fromInteger (toInteger x)

realToFrac :: (Real a, Fractional b) => a -> b
realToFrac x = fromRational (toRational x)

even, odd :: Integral a => a -> Bool
even n = n `rem` 2 == 0
odd n = not (even n)

-- | Non-negative integral powers, by repeated squaring (the same association of
-- multiplications as GHC, so Double results agree).
(^) :: (Num a, Integral b) => a -> b -> a
x0 ^ y0
  | y0 < 0 = errorWithoutStackTrace "Negative exponent"
  | y0 == 0 = 1
  | otherwise = powImpl x0 y0

powImpl :: (Num a, Integral b) => a -> b -> a
powImpl x y
  | even y = powImpl (x * x) (y `quot` 2)
  | y == 1 = x
  | otherwise = powImplAcc (x * x) (y `quot` 2) x

powImplAcc :: (Num a, Integral b) => a -> b -> a -> a
powImplAcc x y z
  | even y = powImplAcc (x * x) (y `quot` 2) z
  | y == 1 = x * z
  | otherwise = powImplAcc (x * x) (y `quot` 2) (x * z)

-- | Integral powers, negative ones through 'recip'.
(^^) :: (Fractional a, Integral b) => a -> b -> a
x ^^ n = if n >= 0 then x ^ n else recip (x ^ negate n)

gcd :: Integral a => a -> a -> a
gcd x y = gcd' (abs x) (abs y)
  where
    gcd' a b = if b == 0 then a else gcd' b (a `rem` b)

lcm :: Integral a => a -> a -> a
lcm x y
  | y == 0 = 0
  | x == 0 = 0
  | otherwise = abs ((x `quot` gcd x y) * y)

-- | Shows a number with a leading minus sign, parenthesised above precedence 6.
showSigned :: Real a => (a -> ShowS) -> Int -> a -> ShowS
showSigned showPos p x
  | x < 0 = showParen (p > 6) (showChar '-' . showPos (negate x))
  | otherwise = showPos x

-- Enumerations of fractional numbers (Report 6.3.4, GHC's numerically stable form) --

numericEnumFrom :: Fractional a => a -> [a]
numericEnumFrom n = go 0
  where
    go k = let n' = n + k in n' `seq` (n' : go (k + 1))

numericEnumFromThen :: Fractional a => a -> a -> [a]
numericEnumFromThen n m = go 0
  where
    step = m - n
    go k = let n' = n + k * step in n' `seq` (n' : go (k + 1))

numericEnumFromTo :: (Ord a, Fractional a) => a -> a -> [a]
numericEnumFromTo n m = takeWhile (<= m + 1 / 2) (numericEnumFrom n)

numericEnumFromThenTo :: (Ord a, Fractional a) => a -> a -> a -> [a]
numericEnumFromThenTo e1 e2 e3 = takeWhile predicate (numericEnumFromThen e1 e2)
  where
    mid = (e2 - e1) / 2
    predicate
      | e2 >= e1 = (<= e3 + mid)
      | otherwise = (>= e3 + mid)

-- Int and Integer ------------------------------------------------------------------------

instance Real Int where
  toRational x = primIntToInteger x :% 1

instance Integral Int where
  toInteger = primIntToInteger
  quot x y
    | y == 0 = divZeroError
    | y == (-1) && x == minBound = overflowError
    | otherwise = primIntQuot x y
  rem x y
    | y == 0 = divZeroError
    | y == (-1) = 0
    | otherwise = primIntRem x y
  div x y
    | y == 0 = divZeroError
    | y == (-1) && x == minBound = overflowError
    | otherwise = divIntUnchecked x y
  mod x y
    | y == 0 = divZeroError
    | y == (-1) = 0
    | otherwise = modIntUnchecked x y
  quotRem x y
    | y == 0 = divZeroError
    | y == (-1) && x == minBound = (overflowError, 0)
    | otherwise = (primIntQuot x y, primIntRem x y)
  divMod x y
    | y == 0 = divZeroError
    | y == (-1) && x == minBound = (overflowError, 0)
    | otherwise = (divIntUnchecked x y, modIntUnchecked x y)

divIntUnchecked :: Int -> Int -> Int
divIntUnchecked x y =
  let q = primIntQuot x y
      r = primIntRem x y
  in if r /= 0 && (r < 0) /= (y < 0) then q - 1 else q

modIntUnchecked :: Int -> Int -> Int
modIntUnchecked x y =
  let r = primIntRem x y
  in if r /= 0 && (r < 0) /= (y < 0) then r + y else r

instance Real Integer where
  toRational x = x :% 1

instance Integral Integer where
  toInteger n = n
  quot x y
    | y == 0 = divZeroError
    | otherwise = primIntegerQuot x y
  rem x y
    | y == 0 = divZeroError
    | otherwise = primIntegerRem x y
  div x y
    | y == 0 = divZeroError
    | otherwise =
        let q = primIntegerQuot x y
            r = primIntegerRem x y
        in if r /= 0 && (r < 0) /= (y < 0) then q - 1 else q
  mod x y
    | y == 0 = divZeroError
    | otherwise =
        let r = primIntegerRem x y
        in if r /= 0 && (r < 0) /= (y < 0) then r + y else r
  quotRem x y
    | y == 0 = divZeroError
    | otherwise = (primIntegerQuot x y, primIntegerRem x y)
  divMod x y = (div x y, mod x y)

-- Ratio ---------------------------------------------------------------------------------

-- | @x % y@: the ratio in lowest terms; error if y is 0.
(%) :: Integral a => a -> a -> Ratio a
x % y = reduce (x * signum y) (abs y)

-- | Lowest terms of x/y for y > 0.
reduce :: Integral a => a -> a -> Ratio a
reduce x y
  | y == 0 = ratioZeroDenominatorError
  | otherwise = let d = gcd x y in (x `quot` d) :% (y `quot` d)

numerator :: Ratio a -> a
numerator (x :% _) = x

denominator :: Ratio a -> a
denominator (_ :% y) = y

instance Eq a => Eq (Ratio a) where
  (x :% y) == (x' :% y') = x == x' && y == y'

instance Integral a => Ord (Ratio a) where
  compare (x :% y) (x' :% y') = compare (x * y') (x' * y)
  (x :% y) <= (x' :% y') = x * y' <= x' * y
  (x :% y) < (x' :% y') = x * y' < x' * y

instance Integral a => Num (Ratio a) where
  (x :% y) + (x' :% y') = reduce (x * y' + x' * y) (y * y')
  (x :% y) - (x' :% y') = reduce (x * y' - x' * y) (y * y')
  (x :% y) * (x' :% y') = reduce (x * x') (y * y')
  negate (x :% y) = negate x :% y
  abs (x :% y) = abs x :% y
  signum (x :% _) = signum x :% 1
  fromInteger x = fromInteger x :% 1

instance Integral a => Fractional (Ratio a) where
  (x :% y) / (x' :% y') = (x * y') % (y * x')
  recip (x :% y)
    | x == 0 = ratioZeroDenominatorError
    | x < 0 = negate y :% negate x
    | otherwise = y :% x
  fromRational (x :% y) = fromInteger x % fromInteger y

instance Integral a => Real (Ratio a) where
  toRational (x :% y) = toInteger x :% toInteger y

instance Integral a => RealFrac (Ratio a) where
  properFraction (x :% y) =
    let qr = quotRem x y
    in (fromInteger (toInteger (fst2 qr)), snd2 qr :% y)

instance Integral a => Enum (Ratio a) where
  succ x = x + 1
  pred x = x - 1
  toEnum n = fromIntegral n :% 1
  fromEnum = fromInteger . truncate
  enumFrom = numericEnumFrom
  enumFromThen = numericEnumFromThen
  enumFromTo = numericEnumFromTo
  enumFromThenTo = numericEnumFromThenTo

instance Show a => Show (Ratio a) where
  showsPrec p (x :% y) =
    showParen (p > ratioPrec) (showsPrec ratioPrec1 x . showString " % " . showsPrec ratioPrec1 y)
