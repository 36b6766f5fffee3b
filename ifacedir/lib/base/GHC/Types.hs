{-# LANGUAGE NoImplicitPrelude #-}
-- | The primitive types of package base.
--
-- The special syntax of the Report (unit @()@, lists @[a]@ with @[]@ and @(:)@,
-- tuples @(,)@ .. and the function arrow @->@) is wired into this module by the
-- compiler: it is always in scope, cannot be hidden and is not declared here.
--
-- The other primitive types are declared below as empty data declarations
-- (Haskell 2010 allows them, Report 4.2.1); their values are made and taken apart
-- only by the primitives of "GHC.Prim".  'Bool' and 'Ordering' are ordinary
-- algebraic types, declared here because the primitives return them.
--
-- Nothing is derived here: the classes are defined later (in "GHC.Base" and
-- above), and their instances for these types are written where the classes are.
module GHC.Types
  ( Bool(False, True)
  , Ordering(LT, EQ, GT)
  , Int
  , Integer
  , Double
  , Float
  , Char
  , IO
  , Handle
  , IOError
  ) where

-- | Booleans.  The guards of the language test against 'True'.
data Bool = False | True

-- | The result of 'compare'.
data Ordering = LT | EQ | GT

-- | Fixed-precision integers: 64-bit two's complement, arithmetic wraps.
data Int

-- | Arbitrary-precision integers.
data Integer

-- | IEEE 754 double-precision (binary64) floating point.
data Double

-- | IEEE 754 single-precision (binary32) floating point.
data Float

-- | A Unicode code point, 0 to 0x10FFFF.
data Char

-- | An I/O action returning a value of type @a@.
data IO a

-- | An I/O handle: one of 'stdin', 'stdout' and 'stderr'.
data Handle

-- | An I/O error (GHC's @IOException@), raised by 'ioError' and the I/O primitives.
data IOError
