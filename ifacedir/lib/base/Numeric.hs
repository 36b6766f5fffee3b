{-# LANGUAGE NoImplicitPrelude #-}
-- | Showing and reading numbers in other bases and formats (Haskell 2010's
-- Numeric, with GHC's output).
--
-- 'floatToDigits' is GHC's digit generation (Burger and Dybvig's free-format
-- algorithm with GHC's exact inequalities); 'showFloat' with it prints exactly what
-- 'show' prints for Double and Float, so it is also the reference for the
-- primitive 'GHC.Prim.primShowDouble'.
module Numeric
  ( showSigned, showInt, showHex, showOct, showIntAtBase
  , showEFloat, showFFloat, showGFloat, showFloat, floatToDigits
  , readSigned, readInt, readDec, readOct, readHex, readFloat, lexDigits
  , fromRat
  ) where

import GHC.Types
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Real
import GHC.Float
import GHC.Read
import GHC.Unicode

-- Integers ------------------------------------------------------------------------------

-- | Shows a non-negative integral number in decimal.
showInt :: Integral a => a -> ShowS
showInt n r
  | n < 0 = errorWithoutStackTrace "Numeric.showInt: can't show negative numbers"
  | otherwise = showsInteger (toInteger n) r

-- | Shows a non-negative number in a base, with the given digit function.
showIntAtBase :: (Integral a, Show a) => a -> (Int -> Char) -> a -> ShowS
showIntAtBase base toChr n0 r0
  | base <= 1 = errorWithoutStackTrace ("Numeric.showIntAtBase: applied to unsupported base " ++ show base)
  | n0 < 0 = errorWithoutStackTrace ("Numeric.showIntAtBase: applied to negative number " ++ show n0)
  | otherwise = showIt (quotRem n0 base) r0
  where
    showIt (n, d) r =
      let c = toChr (fromIntegral d)
          r' = c : r
      in c `seq` (if n == 0 then r' else showIt (quotRem n base) r')

showHex :: (Integral a, Show a) => a -> ShowS
showHex = showIntAtBase 16 intToDigit

showOct :: (Integral a, Show a) => a -> ShowS
showOct = showIntAtBase 8 intToDigit

-- | Reads an unsigned number in a base, given the digit predicate and values.
readInt :: Num a => a -> (Char -> Bool) -> (Char -> Int) -> ReadS a
readInt base isDig digToInt s = case span isDig s of
  ([], _) -> []
  (ds, r) -> [(foldl (\n d -> n * base + fromIntegral (digToInt d)) 0 ds, r)]

-- | Reads a signed number: a lexeme read entirely by the given reader,
-- optionally after a minus sign, optionally in parentheses.
readSigned :: Real a => ReadS a -> ReadS a
readSigned readPos = readParen False read'
  where
    read' r = read'' r ++ [(negate x, t) | ("-", s) <- lex r, (x, t) <- read'' s]
    read'' r = [(n, s) | (str, s) <- lex r, (n, "") <- readPos str]

-- | Reads an unsigned decimal fraction with optional exponent, exactly.
readFloat :: RealFrac a => ReadS a
readFloat s =
  [(fromRational (mantissa % 1 * tenTo expo), t) | (ds, r1) <- lexDigits s
                                                 , (fs, r2) <- fraction r1
                                                 , (ex, t) <- exponentPart r2
                                                 , let mantissa = digitsToInteger (ds ++ fs)
                                                 , let expo = ex - toInteger (length fs)]
    ++ [(0 / 0, t) | ("NaN", t) <- lex s]
    ++ [(1 / 0, t) | ("Infinity", t) <- lex s]
  where
    fraction ('.' : r) = case lexDigits r of
      [] -> [("", '.' : r)]
      xs -> xs
    fraction r = [("", r)]
    exponentPart (e : r)
      | e == 'e' || e == 'E' = case r of
          '-' : r' -> [(negate (digitsToInteger ds), t) | (ds, t) <- lexDigits r'] `orElse` [(0, e : r)]
          '+' : r' -> [(digitsToInteger ds, t) | (ds, t) <- lexDigits r'] `orElse` [(0, e : r)]
          _ -> [(digitsToInteger ds, t) | (ds, t) <- lexDigits r] `orElse` [(0, e : r)]
    exponentPart r = [(0, r)]
    orElse [] ys = ys
    orElse xs _ = xs
    tenTo :: Integer -> Rational
    tenTo e = if e >= 0 then (10 ^ e) % 1 else 1 % (10 ^ negate e)

digitsToInteger :: String -> Integer
digitsToInteger = foldl (\n d -> n * 10 + toInteger (ord d - ord '0')) 0

-- | Converts a Rational to the nearest floating-point number.
fromRat :: RealFloat a => Rational -> a
fromRat = fromRational

-- Floating point ---------------------------------------------------------------------------

-- | @floatToDigits base x@ for x >= 0: the shortest digits @[d1, d2, ...]@ and the
-- exponent @e@ with x = 0.d1d2... * base^e that read back to x.
floatToDigits :: RealFloat a => Integer -> a -> ([Int], Int)
floatToDigits base x
  | x == 0 = ([0], 0)
  | otherwise =
      let (f0, e0) = decodeFloat x
          (minExp0, _) = floatRange x
          p = floatDigits x
          b = floatRadix x
          minExp = minExp0 - p
          -- Subnormal numbers: make the exponent the least one.
          (f, e) = let n = minExp - e0
                   in if n > 0 then (f0 `quot` (b ^ n), e0 + n) else (f0, e0)
          (r, s, mUp, mDn) =
            if e >= 0
              then let be = b ^ e
                   in if f == b ^ (p - 1)
                        then (f * be * b * 2, 2 * b, be * b, be)
                        else (f * be * 2, 2, be, be)
              else if e > minExp && f == b ^ (p - 1)
                then (f * b * 2, b ^ (negate e + 1) * 2, b, 1)
                else (f * 2, b ^ negate e * 2, 1, 1)
          k0 :: Int
          k0 =
            if b == 2 && base == 10
              then
                -- 8651/28738 is slightly below logBase 10 2.
                let lx = p - 1 + e0
                    k1 = (lx * 8651) `quot` 28738
                in if lx >= 0 then k1 + 1 else k1
              else
                ceiling ((log (fromInteger (f + 1) :: Double)
                            + fromIntegral e * log (fromInteger b))
                           / log (fromInteger base))
          fixup n =
            if n >= 0
              then (if r + mUp <= base ^ n * s then n else fixup (n + 1))
              else (if base ^ negate n * (r + mUp) <= s then n else fixup (n + 1))
          k = fixup k0
          gen ds rn sN mUpN mDnN =
            let (dn, rn') = (rn * base) `quotRem` sN
                mUpN' = mUpN * base
                mDnN' = mDnN * base
            in case (rn' < mDnN', rn' + mUpN' > sN) of
                 (True, False) -> dn : ds
                 (False, True) -> dn + 1 : ds
                 (True, True) -> if rn' * 2 < sN then dn : ds else dn + 1 : ds
                 (False, False) -> gen (dn : ds) rn' sN mUpN' mDnN'
          rds =
            if k >= 0
              then gen [] r (s * base ^ k) mUp mDn
              else let bk = base ^ negate k in gen [] (r * bk) s (mUp * bk) (mDn * bk)
      in (map fromInteger (reverse rds), k)

data FFFormat = FFExponent | FFFixed | FFGeneric

-- | GHC's show for floating-point numbers: fixed notation for 0.1 <= x < 10^7,
-- exponent notation otherwise.
showFloat :: RealFloat a => a -> ShowS
showFloat x = showString (formatRealFloat FFGeneric Nothing x)

-- | Exponent notation with the given number of decimals (all digits if Nothing).
showEFloat :: RealFloat a => Maybe Int -> a -> ShowS
showEFloat d x = showString (formatRealFloat FFExponent d x)

-- | Fixed notation with the given number of decimals (all digits if Nothing).
showFFloat :: RealFloat a => Maybe Int -> a -> ShowS
showFFloat d x = showString (formatRealFloat FFFixed d x)

-- | Fixed notation for 0.1 <= x < 10^7, exponent notation otherwise.
showGFloat :: RealFloat a => Maybe Int -> a -> ShowS
showGFloat d x = showString (formatRealFloat FFGeneric d x)

formatRealFloat :: RealFloat a => FFFormat -> Maybe Int -> a -> String
formatRealFloat fmt decs x
  | isNaN x = "NaN"
  | isInfinite x = if x < 0 then "-Infinity" else "Infinity"
  | x < 0 || isNegativeZero x = '-' : doFmt fmt (floatToDigits 10 (negate x))
  | otherwise = doFmt fmt (floatToDigits 10 x)
  where
    doFmt format (is, e) =
      let ds = map intToDigit is
      in case format of
           FFGeneric -> doFmt (if e < 0 || e > 7 then FFExponent else FFFixed) (is, e)
           FFExponent -> case decs of
             Nothing ->
               let showE = show (e - 1)
               in case ds of
                    "0" -> "0.0e0"
                    [d] -> d : ".0e" ++ showE
                    d : ds' -> d : '.' : ds' ++ "e" ++ showE
                    [] -> errorWithoutStackTrace "formatRealFloat/doFmt/FFExponent: []"
             Just dec
               | dec <= 0 -> case is of
                   [0] -> "0e0"
                   _ ->
                     let (ei, is') = roundTo 1 is
                         n = head (map intToDigit (if ei > 0 then init is' else is'))
                     in n : 'e' : show (e - 1 + ei)
             Just dec ->
               let dec' = max dec 1
               in case is of
                    [0] -> '0' : '.' : replicate dec' '0' ++ "e0"
                    _ ->
                      let (ei, is') = roundTo (dec' + 1) is
                      in case map intToDigit (if ei > 0 then init is' else is') of
                           d : ds' -> d : '.' : ds' ++ 'e' : show (e - 1 + ei)
                           [] -> errorWithoutStackTrace "formatRealFloat: []"
           FFFixed ->
             let mk0 ls = case ls of
                   "" -> "0"
                   _ -> ls
             in case decs of
                  Nothing
                    | e <= 0 -> "0." ++ replicate (negate e) '0' ++ ds
                    | otherwise ->
                        let f n s rs
                              | n == 0 = mk0 (reverse s) ++ '.' : mk0 rs
                              | otherwise = case rs of
                                  "" -> f (n - 1) ('0' : s) ""
                                  r : rs' -> f (n - 1) (r : s) rs'
                        in f e "" ds
                  Just dec ->
                    let dec' = max dec 0
                    in if e >= 0
                         then
                           let (ei, is') = roundTo (dec' + e) is
                               (ls, rs) = splitAt (e + ei) (map intToDigit is')
                           in mk0 ls ++ (if null rs then "" else '.' : rs)
                         else
                           let (ei, is') = roundTo dec' (replicate (negate e) 0 ++ is)
                           in case map intToDigit (if ei > 0 then is' else 0 : is') of
                                d : ds' -> d : (if null ds' then "" else '.' : ds')
                                [] -> errorWithoutStackTrace "formatRealFloat: []"

-- | Rounds a digit list to @d@ digits, half to even; the carry says whether a new
-- leading digit appeared.
roundTo :: Int -> [Int] -> (Int, [Int])
roundTo d is = case f d True is of
  x@(0, _) -> x
  (1, xs) -> (1, 1 : xs)
  _ -> errorWithoutStackTrace "roundTo: bad Value"
  where
    f n _ [] = (0, replicate n 0)
    f 0 e (x : xs)
      | x == 5 && e && all (== 0) xs = (0, [])
      | otherwise = (if x >= 5 then 1 else 0, [])
    f n _ (i : xs) =
      let (c, ds) = f (n - 1) (even i) xs
          i' = c + i
      in if i' == 10 then (1, 0 : ds) else (0, i' : ds)
