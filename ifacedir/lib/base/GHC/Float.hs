{-# LANGUAGE NoImplicitPrelude #-}
-- | Floating-point numbers: the 'Floating' and 'RealFloat' classes and the
-- numeric, Enum and Show instances of 'Double' and 'Float'.
--
-- 'Float' arithmetic is done in Double and rounded back to Float (exact for
-- @+ - * /@ and 'sqrt'); 'fromRational' rounds once, 'fromInteger' twice (both
-- as GHC).  See
-- spec/LIBRARY.md for where Float can differ from GHC.
module GHC.Float
  ( Floating(pi, exp, log, sqrt, (**), logBase, sin, cos, tan, asin, acos, atan
            , sinh, cosh, tanh, asinh, acosh, atanh)
  , RealFloat(floatRadix, floatDigits, floatRange, decodeFloat, encodeFloat, exponent
             , significand, scaleFloat, isNaN, isInfinite, isDenormalized
             , isNegativeZero, isIEEE, atan2)
  , showSignedFloat
  , double2Float, float2Double
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum
import GHC.Real

infixr 8 **

class Fractional a => Floating a where
  pi :: a
  exp, log, sqrt :: a -> a
  (**), logBase :: a -> a -> a
  sin, cos, tan :: a -> a
  asin, acos, atan :: a -> a
  sinh, cosh, tanh :: a -> a
  asinh, acosh, atanh :: a -> a

  x ** y = exp (log x * y)
  logBase x y = log y / log x
  sqrt x = x ** fromRational (1 :% 2)
  tan x = sin x / cos x
  tanh x = sinh x / cosh x

class (RealFrac a, Floating a) => RealFloat a where
  floatRadix :: a -> Integer
  floatDigits :: a -> Int
  floatRange :: a -> (Int, Int)
  decodeFloat :: a -> (Integer, Int)
  encodeFloat :: Integer -> Int -> a
  exponent :: a -> Int
  significand :: a -> a
  scaleFloat :: Int -> a -> a
  isNaN, isInfinite, isDenormalized, isNegativeZero, isIEEE :: a -> Bool
  atan2 :: a -> a -> a

  exponent x = case decodeFloat x of
    (m, n) -> if m == 0 then 0 else n + floatDigits x
  significand x = case decodeFloat x of
    (m, _) -> encodeFloat m (negate (floatDigits x))
  scaleFloat k x
    | k == 0 = x
    | x == 0 || isNaN x || isInfinite x = x
    | otherwise = case decodeFloat x of
        (m, n) -> encodeFloat m (n + clamp bf k)
    where
      bf = case floatRange x of
        (lo, hi) -> hi - lo + 4 * floatDigits x
      clamp bd j = max (negate bd) (min bd j)
  atan2 y x
    | x > 0 = atan (y / x)
    | x == 0 && y > 0 = pi / 2
    | x < 0 && y > 0 = pi + atan (y / x)
    | (x <= 0 && y < 0) || (x < 0 && isNegativeZero y) || (isNegativeZero x && isNegativeZero y)
      = negate (atan2 (negate y) x)
    | y == 0 && (x < 0 || isNegativeZero x) = pi
    | x == 0 && y == 0 = y
    | otherwise = x + y

-- | Shows a floating-point number with GHC's rule for the sign: negative numbers
-- and negative zero are parenthesised above precedence 6.
showSignedFloat :: RealFloat a => (a -> ShowS) -> Int -> a -> ShowS
showSignedFloat showPos p x
  | x < 0 || isNegativeZero x = showParen (p > 6) (showChar '-' . showPos (negate x))
  | otherwise = showPos x

-- Double ------------------------------------------------------------------------------

instance Num Double where
  (+) = primDoubleAdd
  (-) = primDoubleSub
  (*) = primDoubleMul
  negate = primDoubleNegate
  abs x
    | x == 0 = 0
    | x > 0 = x
    | otherwise = primDoubleNegate x
  signum x
    | x > 0 = 1
    | x < 0 = primDoubleNegate 1
    | otherwise = x
  fromInteger n = primRationalToDouble n 1

instance Real Double where
  toRational x = case primDecodeDouble x of
    (m, e) -> if e >= 0 then (m * 2 ^ e) :% 1 else m % (2 ^ negate e)

instance Fractional Double where
  (/) = primDoubleDiv
  recip x = primDoubleDiv 1 x
  fromRational (n :% d) = primRationalToDouble n d

instance RealFrac Double where
  properFraction x = case primDecodeDouble x of
    (m, n) ->
      if n >= 0
        then (fromInteger m * 2 ^ n, 0)
        else case quotRem m (2 ^ negate n) of
          (w, r) -> (fromInteger w, primEncodeDouble r n)

instance Floating Double where
  pi = primEncodeDouble 884279719003555 (negate 48)
  exp = primDoubleExp
  log = primDoubleLog
  sqrt = primDoubleSqrt
  (**) = primDoublePow
  logBase x y = log y / log x
  sin = primDoubleSin
  cos = primDoubleCos
  tan = primDoubleTan
  asin = primDoubleAsin
  acos = primDoubleAcos
  atan = primDoubleAtan
  sinh = primDoubleSinh
  cosh = primDoubleCosh
  tanh = primDoubleTanh
  asinh = primDoubleAsinh
  acosh = primDoubleAcosh
  atanh = primDoubleAtanh

instance RealFloat Double where
  floatRadix _ = 2
  floatDigits _ = 53
  floatRange _ = (negate 1021, 1024)
  decodeFloat = primDecodeDouble
  encodeFloat = primEncodeDouble
  isNaN x = not (x == x)
  isInfinite x = x == 1 / 0 || x == negate 1 / 0
  isDenormalized x = x /= 0 && abs x < primEncodeDouble 1 (negate 1022)
  isNegativeZero x = x == 0 && 1 / x < 0
  isIEEE _ = True

instance Enum Double where
  succ x = x + 1
  pred x = x - 1
  toEnum n = primRationalToDouble (primIntToInteger n) 1
  fromEnum x = fromInteger (truncate x)
  enumFrom = numericEnumFrom
  enumFromTo = numericEnumFromTo
  enumFromThen = numericEnumFromThen
  enumFromThenTo = numericEnumFromThenTo

-- | Exactly GHC's output: @0.1@, @1.0e-2@, @1.0e7@, @Infinity@, @NaN@.
instance Show Double where
  showsPrec p x = showParen (p > 6 && (x < 0 || isNegativeZero x)) (showString (primShowDouble x))

-- Float ---------------------------------------------------------------------------------

double2Float :: Double -> Float
double2Float = primDoubleToFloat

float2Double :: Float -> Double
float2Double = primFloatToDouble

lift1 :: (Double -> Double) -> Float -> Float
lift1 f x = primDoubleToFloat (f (primFloatToDouble x))

lift2 :: (Double -> Double -> Double) -> Float -> Float -> Float
lift2 f x y = primDoubleToFloat (f (primFloatToDouble x) (primFloatToDouble y))

-- | n/d (d > 0) correctly rounded to a Float (nearest, ties to even), with
-- subnormals and overflow to infinity: one rounding, not two through Double
-- (GHC's @fromRational :: Rational -> Float@ rounds once too).
rationalToFloat :: Integer -> Integer -> Float
rationalToFloat n d
  | n == 0 = primDoubleToFloat 0
  | n < 0 = negate (rationalToFloat (negate n) d)
  | otherwise =
      let e0 = integerLog2 n - integerLog2 d - 24
          -- n/d / 2^e0 is in [2^23, 2^25); make it [2^23, 2^24).
          e1 = if scaledAtLeast e0 then e0 + 1 else e0
          e = max e1 (negate 149)
          num = if e >= 0 then n else n * 2 ^ negate e
          den = if e >= 0 then d * 2 ^ e else d
          q = num `quot` den
          r = num `rem` den
          q' = if 2 * r > den || (2 * r == den && odd q) then q + 1 else q
      in primDoubleToFloat (primEncodeDouble q' e)
  where
    -- n / 2^k >= 2^24 * d
    scaledAtLeast k
      | k >= 0 = n >= d * 2 ^ (24 + k)
      | otherwise = n * 2 ^ negate k >= d * 16777216

-- | The exponent of the highest set bit of a positive Integer.
integerLog2 :: Integer -> Int
integerLog2 = go 0
  where
    go acc m = if m < 2 then acc else go (acc + 1) (m `quot` 2)

instance Num Float where
  (+) = lift2 primDoubleAdd
  (-) = lift2 primDoubleSub
  (*) = lift2 primDoubleMul
  negate = lift1 primDoubleNegate
  abs = lift1 abs
  signum = lift1 signum
  -- GHC converts through Double (two roundings); so do we, to agree with it.
  fromInteger n = primDoubleToFloat (primRationalToDouble n 1)

instance Real Float where
  toRational x = toRational (primFloatToDouble x)

instance Fractional Float where
  (/) = lift2 primDoubleDiv
  fromRational (n :% d) = rationalToFloat n d

instance RealFrac Float where
  properFraction x = case decodeFloat x of
    (m, n) ->
      if n >= 0
        then (fromInteger m * 2 ^ n, 0)
        else case quotRem m (2 ^ negate n) of
          (w, r) -> (fromInteger w, encodeFloat r n)

instance Floating Float where
  pi = primDoubleToFloat pi
  exp = lift1 exp
  log = lift1 log
  sqrt = lift1 sqrt
  (**) = lift2 (**)
  logBase x y = log y / log x
  sin = lift1 sin
  cos = lift1 cos
  tan = lift1 tan
  asin = lift1 asin
  acos = lift1 acos
  atan = lift1 atan
  sinh = lift1 sinh
  cosh = lift1 cosh
  tanh = lift1 tanh
  asinh = lift1 asinh
  acosh = lift1 acosh
  atanh = lift1 atanh

instance RealFloat Float where
  floatRadix _ = 2
  floatDigits _ = 24
  floatRange _ = (negate 125, 128)
  decodeFloat x = case primDecodeDouble (primFloatToDouble x) of
    (m, e)
      | m == 0 -> (0, 0)
      | isNaN x || isInfinite x -> (m `quot` 536870912, 105)
      | otherwise -> (m `quot` 536870912, e + 29)
  encodeFloat m e = primDoubleToFloat (primEncodeDouble m e)
  isNaN x = isNaN (primFloatToDouble x)
  isInfinite x = isInfinite (primFloatToDouble x)
  isDenormalized x = x /= 0 && abs (primFloatToDouble x) < primEncodeDouble 1 (negate 126)
  isNegativeZero x = isNegativeZero (primFloatToDouble x)
  isIEEE _ = True

instance Enum Float where
  succ x = x + 1
  pred x = x - 1
  toEnum n = fromInteger (primIntToInteger n)
  fromEnum x = fromInteger (truncate x)
  enumFrom = numericEnumFrom
  enumFromTo = numericEnumFromTo
  enumFromThen = numericEnumFromThen
  enumFromThenTo = numericEnumFromThenTo

instance Show Float where
  showsPrec p x = showParen (p > 6 && (x < 0 || isNegativeZero x)) (showString (primShowFloat x))
