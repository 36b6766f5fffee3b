{-# LANGUAGE NoImplicitPrelude #-}
-- | The 'Show' class and its instances for the types defined so far.  Output is
-- exactly GHC's: negative numbers are parenthesised at precedence above 6,
-- constructor arguments are shown at precedence 11, characters and strings use
-- GHC's escapes (@'\\n'@, @\"\\1234\\&5\"@, @\"\\SO\\&H\"@).
module GHC.Show
  ( Show(showsPrec, show, showList)
  , ShowS
  , shows, showChar, showString, showParen, showSpace, showCommaSpace
  , showListWith, showList__, showTuple
  , showLitChar, showLitString, protectEsc
  , showSignedInteger, showsInteger
  , intToDigit
  , appPrec, appPrec1
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.List


-- | A string under construction, as a function that prepends it.
type ShowS = String -> String

-- | Conversion to readable text.  A minimal instance defines 'showsPrec' or 'show'.
class Show a where
  showsPrec :: Int -> a -> ShowS
  show :: a -> String
  showList :: [a] -> ShowS

  showsPrec _ x s = show x ++ s
  show x = showsPrec 0 x ""
  showList ls s = showList__ shows ls s

-- | The precedence of function application, and one more.
appPrec, appPrec1 :: Int
appPrec = 10
appPrec1 = 11

shows :: Show a => a -> ShowS
shows = showsPrec 0

showChar :: Char -> ShowS
showChar = (:)

showString :: String -> ShowS
showString = (++)

showParen :: Bool -> ShowS -> ShowS
showParen b p = if b then showChar '(' . p . showChar ')' else p

showSpace :: ShowS
showSpace = \xs -> ' ' : xs

showCommaSpace :: ShowS
showCommaSpace = showString ", "

-- | @[a,b,c]@ with each element shown by the given function.
showListWith :: (a -> ShowS) -> [a] -> ShowS
showListWith = showList__

showList__ :: (a -> ShowS) -> [a] -> ShowS
showList__ _ [] s = "[]" ++ s
showList__ showx (x : xs) s = '[' : showx x (showl xs)
  where
    showl [] = ']' : s
    showl (y : ys) = ',' : showx y (showl ys)

-- | @(a,b,c)@ from the shown components.
showTuple :: [ShowS] -> ShowS
showTuple ss = showChar '(' . foldr1 (\s r -> s . showChar ',' . r) ss . showChar ')'

-- Numbers --------------------------------------------------------------------------

-- | Shows an Integer at a precedence: negative numbers get parentheses above 6.
showSignedInteger :: Int -> Integer -> ShowS
showSignedInteger p n r
  | primIntegerLt n 0 =
      if p > 6
        then '(' : '-' : showsInteger (primIntegerNegate n) (')' : r)
        else '-' : showsInteger (primIntegerNegate n) r
  | otherwise = showsInteger n r

-- | The decimal digits of a non-negative Integer.
showsInteger :: Integer -> ShowS
showsInteger n r
  | primIntegerLt n 10 = digitChar n : r
  | otherwise = showsInteger (primIntegerQuot n 10) (digitChar (primIntegerRem n 10) : r)
  where
    digitChar d = unsafeChr (ord '0' + primIntegerToInt d)

instance Show Int where
  showsPrec p n = showSignedInteger p (primIntToInteger n)

instance Show Integer where
  showsPrec = showSignedInteger

-- | The hexadecimal digit of 0..15.
intToDigit :: Int -> Char
intToDigit i
  | i >= 0 && i <= 9 = unsafeChr (ord '0' + i)
  | i >= 10 && i <= 15 = unsafeChr (ord 'a' + i - 10)
  | otherwise = errorWithoutStackTrace ("Char.intToDigit: not a digit " ++ show i)

-- Characters and strings ---------------------------------------------------------

instance Show Char where
  showsPrec _ '\'' = showString "'\\''"
  showsPrec _ c = showChar '\'' . showLitChar c . showChar '\''
  showList cs = showChar '"' . showLitString cs . showChar '"'

-- | A character as it appears inside a literal, escaped as GHC does.
showLitChar :: Char -> ShowS
showLitChar c s
  | c > '\DEL' = showChar '\\' (protectEsc isDec (shows (ord c)) s)
showLitChar '\DEL' s = showString "\\DEL" s
showLitChar '\\' s = showString "\\\\" s
showLitChar c s
  | c >= ' ' = showChar c s
showLitChar '\a' s = showString "\\a" s
showLitChar '\b' s = showString "\\b" s
showLitChar '\f' s = showString "\\f" s
showLitChar '\n' s = showString "\\n" s
showLitChar '\r' s = showString "\\r" s
showLitChar '\t' s = showString "\\t" s
showLitChar '\v' s = showString "\\v" s
showLitChar '\SO' s = protectEsc (== 'H') (showString "\\SO") s
showLitChar c s = showString ('\\' : (asciiTab !! ord c)) s

-- | The characters of a string literal: like 'showLitChar', and @\"@ escaped.
showLitString :: String -> ShowS
showLitString [] s = s
showLitString ('"' : cs) s = showString "\\\"" (showLitString cs s)
showLitString (c : cs) s = showLitChar c (showLitString cs s)

-- | Appends @\\&@ when the next character would extend the escape.
protectEsc :: (Char -> Bool) -> ShowS -> ShowS
protectEsc p f = f . cont
  where
    cont s@(c : _) | p c = "\\&" ++ s
    cont s = s

isDec :: Char -> Bool
isDec c = c >= '0' && c <= '9'

asciiTab :: [String]
asciiTab =
  [ "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL"
  , "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI"
  , "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB"
  , "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"
  , "SP"
  ]

-- Other basic types -----------------------------------------------------------------

instance Show () where
  showsPrec _ () = showString "()"

instance Show Bool where
  showsPrec _ True = showString "True"
  showsPrec _ False = showString "False"

instance Show Ordering where
  showsPrec _ LT = showString "LT"
  showsPrec _ EQ = showString "EQ"
  showsPrec _ GT = showString "GT"

instance Show a => Show [a] where
  showsPrec _ = showList

instance Show a => Show (Maybe a) where
  showsPrec _ Nothing = showString "Nothing"
  showsPrec d (Just x) = showParen (d > appPrec) (showString "Just " . showsPrec appPrec1 x)

instance (Show a, Show b) => Show (Either a b) where
  showsPrec d (Left x) = showParen (d > appPrec) (showString "Left " . showsPrec appPrec1 x)
  showsPrec d (Right y) = showParen (d > appPrec) (showString "Right " . showsPrec appPrec1 y)

instance (Show t1, Show t2) => Show (t1, t2) where
  showsPrec _ (a1, a2) = showTuple [shows a1, shows a2]

instance (Show t1, Show t2, Show t3) => Show (t1, t2, t3) where
  showsPrec _ (a1, a2, a3) = showTuple [shows a1, shows a2, shows a3]

instance (Show t1, Show t2, Show t3, Show t4) => Show (t1, t2, t3, t4) where
  showsPrec _ (a1, a2, a3, a4) = showTuple [shows a1, shows a2, shows a3, shows a4]

instance (Show t1, Show t2, Show t3, Show t4, Show t5) => Show (t1, t2, t3, t4, t5) where
  showsPrec _ (a1, a2, a3, a4, a5) = showTuple [shows a1, shows a2, shows a3, shows a4, shows a5]

instance (Show t1, Show t2, Show t3, Show t4, Show t5, Show t6) => Show (t1, t2, t3, t4, t5, t6) where
  showsPrec _ (a1, a2, a3, a4, a5, a6) = showTuple [shows a1, shows a2, shows a3, shows a4, shows a5, shows a6]

instance (Show t1, Show t2, Show t3, Show t4, Show t5, Show t6, Show t7) => Show (t1, t2, t3, t4, t5, t6, t7) where
  showsPrec _ (a1, a2, a3, a4, a5, a6, a7) = showTuple [shows a1, shows a2, shows a3, shows a4, shows a5, shows a6, shows a7]

