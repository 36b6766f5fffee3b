{-# LANGUAGE NoImplicitPrelude #-}
-- | The Prelude: the names of the Haskell 2010 Prelude (Report chapter 9) plus
-- the additions of GHC 9.0's Prelude that are in the subset: the Functor /
-- Applicative / Monad hierarchy names @(<$>)@, @(<$)@, @pure@, @(<*>)@, @(*>)@,
-- @(<*)@, 'MonadFail', and 'errorWithoutStackTrace'.
--
-- GHC 9.0's Prelude also exports Semigroup, Monoid, Foldable, Traversable and
-- Word; they are not in the subset.  The functions GHC generalises to Foldable or
-- Traversable ('length', 'sum', 'elem', 'foldr', 'mapM_', 'sequence', ...) are
-- exported here specialised to lists.
module Prelude
  ( -- * Types
    Bool(False, True)
  , Maybe(Nothing, Just)
  , Either(Left, Right)
  , Ordering(LT, EQ, GT)
  , Char, String, Int, Integer, Float, Double, Rational, IO
    -- * Classes
  , Eq((==), (/=))
  , Ord(compare, (<), (<=), (>=), (>), max, min)
  , Enum(succ, pred, toEnum, fromEnum, enumFrom, enumFromThen, enumFromTo, enumFromThenTo)
  , Bounded(minBound, maxBound)
  , Num((+), (-), (*), negate, abs, signum, fromInteger)
  , Real(toRational)
  , Integral(quot, rem, div, mod, quotRem, divMod, toInteger)
  , Fractional((/), recip, fromRational)
  , Floating(pi, exp, log, sqrt, (**), logBase, sin, cos, tan, asin, acos, atan
            , sinh, cosh, tanh, asinh, acosh, atanh)
  , RealFrac(properFraction, truncate, round, ceiling, floor)
  , RealFloat(floatRadix, floatDigits, floatRange, decodeFloat, encodeFloat, exponent
             , significand, scaleFloat, isNaN, isInfinite, isDenormalized
             , isNegativeZero, isIEEE, atan2)
  , Functor(fmap, (<$)), (<$>)
  , Applicative(pure, (<*>), (*>), (<*))
  , Monad((>>=), (>>), return)
  , MonadFail(fail)
  , mapM, mapM_, sequence, sequence_, (=<<)
    -- * Functions
  , maybe, either
  , (&&), (||), not, otherwise
  , subtract, even, odd, gcd, lcm, (^), (^^), fromIntegral, realToFrac
  , fst, snd, curry, uncurry, id, const, (.), flip, ($), until, asTypeOf
  , error, errorWithoutStackTrace, undefined, seq, ($!)
    -- * Lists
  , map, (++), filter, concat, concatMap
  , head, last, tail, init, null, length, (!!)
  , foldl, foldl1, scanl, scanl1, foldr, foldr1, scanr, scanr1
  , iterate, repeat, replicate, cycle
  , take, drop, splitAt, takeWhile, dropWhile, span, break
  , lines, words, unlines, unwords, reverse, and, or
  , any, all, elem, notElem, lookup
  , sum, product, maximum, minimum
  , zip, zip3, zipWith, zipWith3, unzip, unzip3
    -- * Text
  , ReadS, ShowS
  , Read(readsPrec, readList)
  , Show(showsPrec, show, showList)
  , reads, shows, read, lex
  , showChar, showString, readParen, showParen
    -- * Input and output
  , FilePath, IOError, ioError, userError
  , putChar, putStr, putStrLn, print
  , getChar, getLine, getContents, interact
  , readFile, writeFile, appendFile, readIO, readLn
  ) where

import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum
import GHC.Real
import GHC.Float
import GHC.Read
import Data.Tuple (fst, snd, curry, uncurry)
import Data.List (lines, words, unlines, unwords)
import System.IO
