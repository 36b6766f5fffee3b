{-# LANGUAGE NoImplicitPrelude #-}
-- | The primitive operations that the compiler implements.
--
-- Every primitive is declared with the foreign function interface syntax of the
-- Report (section 8.4) and the calling convention @prim@:
--
-- > foreign import prim "intAdd" primIntAdd :: Int -> Int -> Int
--
-- The string names the primitive for the compiler; the Haskell name is always
-- @prim@ followed by the string with its first letter capitalised.  The exact
-- semantics of each primitive are specified in spec/LIBRARY.md.  Primitives are
-- total on the domain stated there; the library checks the preconditions
-- (division by zero, 'primIntToChar' range, ...) before calling them.
-- Arguments of primitives are evaluated (to weak head normal form, and lists
-- of characters completely) before the operation; results are not thunks unless
-- stated (primHGetContents, primReadFile are lazy).
module GHC.Prim
  ( -- * Int
    primIntAdd, primIntSub, primIntMul, primIntNegate, primIntQuot, primIntRem
  , primIntEq, primIntLt, primIntLe
  , primIntToInteger, primIntegerToInt
    -- * Integer
  , primIntegerAdd, primIntegerSub, primIntegerMul, primIntegerNegate
  , primIntegerQuot, primIntegerRem
  , primIntegerEq, primIntegerLt, primIntegerLe
    -- * Double
  , primDoubleAdd, primDoubleSub, primDoubleMul, primDoubleDiv, primDoubleNegate
  , primDoubleEq, primDoubleLt, primDoubleLe
  , primRationalToDouble, primDecodeDouble, primEncodeDouble, primShowDouble
  , primDoubleExp, primDoubleLog, primDoubleSqrt, primDoublePow
  , primDoubleSin, primDoubleCos, primDoubleTan
  , primDoubleAsin, primDoubleAcos, primDoubleAtan
  , primDoubleSinh, primDoubleCosh, primDoubleTanh
  , primDoubleAsinh, primDoubleAcosh, primDoubleAtanh
    -- * Float
  , primDoubleToFloat, primFloatToDouble, primShowFloat
    -- * Char
  , primCharToInt, primIntToChar, primCharGeneralCategory
  , primCharToUpper, primCharToLower, primCharToTitle
    -- * Evaluation and errors
  , primSeq, primError
    -- * IO
  , primReturnIO, primBindIO
  , primStdin, primStdout, primStderr
  , primHPutStr, primHFlush, primHSetBuffering
  , primHGetLine, primHGetChar, primHGetContents, primHIsEOF
  , primReadFile, primWriteFile, primAppendFile
  , primGetArgs, primGetProgName, primExitWith
  , primUserError, primIoError, primShowIOError
  ) where

import GHC.Types

-- Int: 64-bit two's complement, wrapping ------------------------------------------

foreign import prim "intAdd" primIntAdd :: Int -> Int -> Int
foreign import prim "intSub" primIntSub :: Int -> Int -> Int
foreign import prim "intMul" primIntMul :: Int -> Int -> Int
foreign import prim "intNegate" primIntNegate :: Int -> Int
-- | Truncating division; precondition: divisor /= 0 and not (minBound, -1).
foreign import prim "intQuot" primIntQuot :: Int -> Int -> Int
-- | Remainder of 'primIntQuot' (sign of the dividend); same precondition.
foreign import prim "intRem" primIntRem :: Int -> Int -> Int
foreign import prim "intEq" primIntEq :: Int -> Int -> Bool
foreign import prim "intLt" primIntLt :: Int -> Int -> Bool
foreign import prim "intLe" primIntLe :: Int -> Int -> Bool
foreign import prim "intToInteger" primIntToInteger :: Int -> Integer
-- | The low 64 bits, as two's complement (GHC's @fromInteger :: Integer -> Int@).
foreign import prim "integerToInt" primIntegerToInt :: Integer -> Int

-- Integer: arbitrary precision --------------------------------------------------

foreign import prim "integerAdd" primIntegerAdd :: Integer -> Integer -> Integer
foreign import prim "integerSub" primIntegerSub :: Integer -> Integer -> Integer
foreign import prim "integerMul" primIntegerMul :: Integer -> Integer -> Integer
foreign import prim "integerNegate" primIntegerNegate :: Integer -> Integer
-- | Truncating division; precondition: divisor /= 0.
foreign import prim "integerQuot" primIntegerQuot :: Integer -> Integer -> Integer
foreign import prim "integerRem" primIntegerRem :: Integer -> Integer -> Integer
foreign import prim "integerEq" primIntegerEq :: Integer -> Integer -> Bool
foreign import prim "integerLt" primIntegerLt :: Integer -> Integer -> Bool
foreign import prim "integerLe" primIntegerLe :: Integer -> Integer -> Bool

-- Double: IEEE 754 binary64, round to nearest even ------------------------------

foreign import prim "doubleAdd" primDoubleAdd :: Double -> Double -> Double
foreign import prim "doubleSub" primDoubleSub :: Double -> Double -> Double
foreign import prim "doubleMul" primDoubleMul :: Double -> Double -> Double
foreign import prim "doubleDiv" primDoubleDiv :: Double -> Double -> Double
foreign import prim "doubleNegate" primDoubleNegate :: Double -> Double
foreign import prim "doubleEq" primDoubleEq :: Double -> Double -> Bool
foreign import prim "doubleLt" primDoubleLt :: Double -> Double -> Bool
foreign import prim "doubleLe" primDoubleLe :: Double -> Double -> Bool
-- | @primRationalToDouble n d@: n/d correctly rounded (d > 0); overflows to
-- infinity, underflows through the subnormals to zero.
foreign import prim "rationalToDouble" primRationalToDouble :: Integer -> Integer -> Double
-- | GHC's 'decodeFloat' for Double.
foreign import prim "decodeDouble" primDecodeDouble :: Double -> (Integer, Int)
-- | GHC's 'encodeFloat' for Double: m * 2^e.
foreign import prim "encodeDouble" primEncodeDouble :: Integer -> Int -> Double
-- | Exactly GHC's 'show' for a Double (shortest digits that read back).
foreign import prim "showDouble" primShowDouble :: Double -> [Char]
foreign import prim "doubleExp" primDoubleExp :: Double -> Double
foreign import prim "doubleLog" primDoubleLog :: Double -> Double
foreign import prim "doubleSqrt" primDoubleSqrt :: Double -> Double
foreign import prim "doublePow" primDoublePow :: Double -> Double -> Double
foreign import prim "doubleSin" primDoubleSin :: Double -> Double
foreign import prim "doubleCos" primDoubleCos :: Double -> Double
foreign import prim "doubleTan" primDoubleTan :: Double -> Double
foreign import prim "doubleAsin" primDoubleAsin :: Double -> Double
foreign import prim "doubleAcos" primDoubleAcos :: Double -> Double
foreign import prim "doubleAtan" primDoubleAtan :: Double -> Double
foreign import prim "doubleSinh" primDoubleSinh :: Double -> Double
foreign import prim "doubleCosh" primDoubleCosh :: Double -> Double
foreign import prim "doubleTanh" primDoubleTanh :: Double -> Double
foreign import prim "doubleAsinh" primDoubleAsinh :: Double -> Double
foreign import prim "doubleAcosh" primDoubleAcosh :: Double -> Double
foreign import prim "doubleAtanh" primDoubleAtanh :: Double -> Double

-- Float: IEEE 754 binary32; arithmetic goes through Double ----------------------

-- | Round to the nearest Float (ties to even); overflow gives infinity.
foreign import prim "doubleToFloat" primDoubleToFloat :: Double -> Float
-- | Exact widening.
foreign import prim "floatToDouble" primFloatToDouble :: Float -> Double
-- | Exactly GHC's 'show' for a Float.
foreign import prim "showFloat" primShowFloat :: Float -> [Char]

-- Char ---------------------------------------------------------------------------

foreign import prim "charToInt" primCharToInt :: Char -> Int
-- | Precondition: 0 <= n <= 0x10FFFF.
foreign import prim "intToChar" primIntToChar :: Int -> Char
-- | The Unicode general category, as the index of the constructor in
-- Data.Char.GeneralCategory (0 = UppercaseLetter .. 29 = NotAssigned).
foreign import prim "charGeneralCategory" primCharGeneralCategory :: Char -> Int
foreign import prim "charToUpper" primCharToUpper :: Char -> Char
foreign import prim "charToLower" primCharToLower :: Char -> Char
foreign import prim "charToTitle" primCharToTitle :: Char -> Char

-- Evaluation and errors ----------------------------------------------------------

-- | Evaluate the first argument to weak head normal form, then return the second.
foreign import prim "seq" primSeq :: a -> b -> b
-- | Raise an uncatchable-in-the-subset error; the program stops and prints
-- @<prog>: <message>@ on stderr with exit status 1.
foreign import prim "error" primError :: [Char] -> a

-- IO -----------------------------------------------------------------------------

foreign import prim "returnIO" primReturnIO :: a -> IO a
foreign import prim "bindIO" primBindIO :: IO a -> (a -> IO b) -> IO b
foreign import prim "stdin" primStdin :: Handle
foreign import prim "stdout" primStdout :: Handle
foreign import prim "stderr" primStderr :: Handle
foreign import prim "hPutStr" primHPutStr :: Handle -> [Char] -> IO ()
foreign import prim "hFlush" primHFlush :: Handle -> IO ()
-- | 0: no buffering, 1: line buffering, 2: block buffering.
foreign import prim "hSetBuffering" primHSetBuffering :: Handle -> Int -> IO ()
-- | A line without its newline; at end of file raises the IOError
-- @<stdin>: hGetLine: end of file@.
foreign import prim "hGetLine" primHGetLine :: Handle -> IO [Char]
foreign import prim "hGetChar" primHGetChar :: Handle -> IO Char
-- | The rest of the input, read lazily.
foreign import prim "hGetContents" primHGetContents :: Handle -> IO [Char]
foreign import prim "hIsEOF" primHIsEOF :: Handle -> IO Bool
-- | The contents of a file, read lazily.
foreign import prim "readFile" primReadFile :: [Char] -> IO [Char]
foreign import prim "writeFile" primWriteFile :: [Char] -> [Char] -> IO ()
foreign import prim "appendFile" primAppendFile :: [Char] -> [Char] -> IO ()
foreign import prim "getArgs" primGetArgs :: IO [[Char]]
foreign import prim "getProgName" primGetProgName :: IO [Char]
-- | Flush stdout and stderr and end the program with this exit status.
foreign import prim "exitWith" primExitWith :: Int -> IO a
foreign import prim "userError" primUserError :: [Char] -> IOError
foreign import prim "ioError" primIoError :: IOError -> IO a
-- | GHC's 'show' for an IOError, e.g. @user error (boom)@.
foreign import prim "showIOError" primShowIOError :: IOError -> [Char]
