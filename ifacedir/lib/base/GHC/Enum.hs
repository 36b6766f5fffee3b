{-# LANGUAGE NoImplicitPrelude #-}
-- | The 'Enum' and 'Bounded' classes, with instances for the basic types.
-- Arithmetic sequences @[a ..]@, @[a, b ..]@, @[a .. c]@, @[a, b .. c]@ mean
-- 'enumFrom', 'enumFromThen', 'enumFromTo', 'enumFromThenTo' of this module.
module GHC.Enum
  ( Bounded(minBound, maxBound)
  , Enum(succ, pred, toEnum, fromEnum, enumFrom, enumFromThen, enumFromTo, enumFromThenTo)
  , boundedEnumFrom, boundedEnumFromThen
  , toEnumError, succError, predError
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show

class Bounded a where
  minBound, maxBound :: a

-- | Sequentially ordered types.  Instances for Int-like types map to and from 'Int'.
class Enum a where
  succ, pred :: a -> a
  toEnum :: Int -> a
  fromEnum :: a -> Int
  enumFrom :: a -> [a]
  enumFromThen :: a -> a -> [a]
  enumFromTo :: a -> a -> [a]
  enumFromThenTo :: a -> a -> a -> [a]

  succ = toEnum . (+ 1) . fromEnum
  pred = toEnum . subtract 1 . fromEnum
  enumFrom x = map toEnum (enumFrom (fromEnum x))
  enumFromThen x y = map toEnum (enumFromThen (fromEnum x) (fromEnum y))
  enumFromTo x y = map toEnum (enumFromTo (fromEnum x) (fromEnum y))
  enumFromThenTo x1 x2 y = map toEnum (enumFromThenTo (fromEnum x1) (fromEnum x2) (fromEnum y))

-- | 'enumFrom' for a bounded type: stops at 'maxBound'.
boundedEnumFrom :: (Enum a, Bounded a) => a -> [a]
boundedEnumFrom n = map toEnum (enumFromTo (fromEnum n) (fromEnum (maxBound `asTypeOf` n)))

-- | 'enumFromThen' for a bounded type: stops at 'maxBound' or 'minBound'.
boundedEnumFromThen :: (Enum a, Bounded a) => a -> a -> [a]
boundedEnumFromThen n1 n2
  | i2 >= i1 = map toEnum (enumFromThenTo i1 i2 (fromEnum (maxBound `asTypeOf` n1)))
  | otherwise = map toEnum (enumFromThenTo i1 i2 (fromEnum (minBound `asTypeOf` n1)))
  where
    i1 = fromEnum n1
    i2 = fromEnum n2

-- | The errors of derived-style instances, as GHC words them.
toEnumError, succError, predError :: String -> a
toEnumError ty = errorWithoutStackTrace ("Prelude.Enum." ++ ty ++ ".toEnum: bad argument")
succError ty = errorWithoutStackTrace ("Prelude.Enum." ++ ty ++ ".succ: bad argument")
predError ty = errorWithoutStackTrace ("Prelude.Enum." ++ ty ++ ".pred: bad argument")

-- () ---------------------------------------------------------------------------------

instance Bounded () where
  minBound = ()
  maxBound = ()

instance Enum () where
  succ _ = succError "()"
  pred _ = predError "()"
  toEnum x
    | x == 0 = ()
    | otherwise = toEnumError "()"
  fromEnum () = 0
  enumFrom () = [()]
  enumFromThen () () = repeat ()
  enumFromTo () () = [()]
  enumFromThenTo () () () = repeat ()

-- Bool and Ordering --------------------------------------------------------------------

instance Bounded Bool where
  minBound = False
  maxBound = True

instance Enum Bool where
  succ False = True
  succ True = succError "Bool"
  pred True = False
  pred False = predError "Bool"
  toEnum n
    | n == 0 = False
    | n == 1 = True
    | otherwise = toEnumError "Bool"
  fromEnum False = 0
  fromEnum True = 1
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen

instance Bounded Ordering where
  minBound = LT
  maxBound = GT

instance Enum Ordering where
  succ LT = EQ
  succ EQ = GT
  succ GT = succError "Ordering"
  pred GT = EQ
  pred EQ = LT
  pred LT = predError "Ordering"
  toEnum n
    | n == 0 = LT
    | n == 1 = EQ
    | n == 2 = GT
    | otherwise = toEnumError "Ordering"
  fromEnum LT = 0
  fromEnum EQ = 1
  fromEnum GT = 2
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen

-- Char ------------------------------------------------------------------------------

instance Bounded Char where
  minBound = '\0'
  maxBound = '\1114111'

instance Enum Char where
  succ c
    | ord c == 1114111 = errorWithoutStackTrace "Prelude.Enum.Char.succ: bad argument"
    | otherwise = unsafeChr (ord c + 1)
  pred c
    | ord c == 0 = errorWithoutStackTrace "Prelude.Enum.Char.pred: bad argument"
    | otherwise = unsafeChr (ord c - 1)
  toEnum = chrChecked
  fromEnum = ord
  enumFrom c = map unsafeChr (eftInt (ord c) 1114111)
  enumFromTo c d = map unsafeChr (eftInt (ord c) (ord d))
  enumFromThen c1 c2 =
    map unsafeChr (efdtInt (ord c1) (ord c2) (if c2 >= c1 then 1114111 else 0))
  enumFromThenTo c1 c2 c3 = map unsafeChr (efdtInt (ord c1) (ord c2) (ord c3))

chrChecked :: Int -> Char
chrChecked i
  | i >= 0 && i <= 1114111 = unsafeChr i
  | otherwise = errorWithoutStackTrace ("Prelude.chr: bad argument: " ++ showsPrec 9 i "")

-- Int ---------------------------------------------------------------------------------

instance Bounded Int where
  minBound = primIntegerToInt (negate 9223372036854775808)
  maxBound = 9223372036854775807

instance Enum Int where
  succ x
    | x == maxBound = errorWithoutStackTrace "Prelude.Enum.succ{Int}: tried to take `succ' of maxBound"
    | otherwise = x + 1
  pred x
    | x == minBound = errorWithoutStackTrace "Prelude.Enum.pred{Int}: tried to take `pred' of minBound"
    | otherwise = x - 1
  toEnum x = x
  fromEnum x = x
  enumFrom x = eftInt x maxBound
  enumFromTo = eftInt
  enumFromThen x1 x2 = efdtInt x1 x2 (if x2 >= x1 then maxBound else minBound)
  enumFromThenTo = efdtInt

-- | @[x .. y]@ on Int, without overflow at 'maxBound'.
eftInt :: Int -> Int -> [Int]
eftInt x y
  | x > y = []
  | otherwise = go x
  where
    go i = i : (if i == y then [] else go (i + 1))

-- | @[x1, x2 .. y]@ on Int, without overflow near the bounds.
efdtInt :: Int -> Int -> Int -> [Int]
efdtInt x1 x2 y
  | x2 >= x1 = if y < x2 then (if y < x1 then [] else [x1]) else x1 : goUp x2
  | otherwise = if y > x2 then (if y > x1 then [] else [x1]) else x1 : goDown x2
  where
    delta = x2 - x1
    y' = y - delta
    goUp x = if x > y' then [x] else x : goUp (x + delta)
    goDown x = if x < y' then [x] else x : goDown (x + delta)

-- Integer -----------------------------------------------------------------------------

instance Enum Integer where
  succ x = x + 1
  pred x = x - 1
  toEnum = primIntToInteger
  fromEnum = primIntegerToInt
  enumFrom x = enumDeltaInteger x 1
  enumFromThen x y = enumDeltaInteger x (y - x)
  enumFromTo x lim = enumDeltaToInteger x 1 lim
  enumFromThenTo x y lim = enumDeltaToInteger x (y - x) lim

enumDeltaInteger :: Integer -> Integer -> [Integer]
enumDeltaInteger x d = x : enumDeltaInteger (x + d) d

enumDeltaToInteger :: Integer -> Integer -> Integer -> [Integer]
enumDeltaToInteger x0 delta lim
  | delta >= 0 = up x0
  | otherwise = down x0
  where
    up x = if x > lim then [] else x : up (x + delta)
    down x = if x < lim then [] else x : down (x + delta)

-- Tuples ----------------------------------------------------------------------------------

instance (Bounded t1, Bounded t2) => Bounded (t1, t2) where
  minBound = (minBound, minBound)
  maxBound = (maxBound, maxBound)

instance (Bounded t1, Bounded t2, Bounded t3) => Bounded (t1, t2, t3) where
  minBound = (minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound)

instance (Bounded t1, Bounded t2, Bounded t3, Bounded t4) => Bounded (t1, t2, t3, t4) where
  minBound = (minBound, minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound, maxBound)

instance (Bounded t1, Bounded t2, Bounded t3, Bounded t4, Bounded t5) => Bounded (t1, t2, t3, t4, t5) where
  minBound = (minBound, minBound, minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound, maxBound, maxBound)

instance (Bounded t1, Bounded t2, Bounded t3, Bounded t4, Bounded t5, Bounded t6) => Bounded (t1, t2, t3, t4, t5, t6) where
  minBound = (minBound, minBound, minBound, minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound, maxBound, maxBound, maxBound)

instance (Bounded t1, Bounded t2, Bounded t3, Bounded t4, Bounded t5, Bounded t6, Bounded t7) => Bounded (t1, t2, t3, t4, t5, t6, t7) where
  minBound = (minBound, minBound, minBound, minBound, minBound, minBound, minBound)
  maxBound = (maxBound, maxBound, maxBound, maxBound, maxBound, maxBound, maxBound)

