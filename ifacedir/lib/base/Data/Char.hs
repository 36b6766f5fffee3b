{-# LANGUAGE NoImplicitPrelude #-}
-- | Characters.
module Data.Char
  ( Char, String
  , isControl, isSpace, isLower, isUpper, isAlpha, isLetter, isDigit, isOctDigit
  , isHexDigit, isAlphaNum, isPrint, isPunctuation, isSymbol, isSeparator, isMark
  , isNumber, isAscii, isLatin1, isAsciiUpper, isAsciiLower
  , GeneralCategory(UppercaseLetter, LowercaseLetter, TitlecaseLetter, ModifierLetter
                   , OtherLetter, NonSpacingMark, SpacingCombiningMark, EnclosingMark
                   , DecimalNumber, LetterNumber, OtherNumber, ConnectorPunctuation
                   , DashPunctuation, OpenPunctuation, ClosePunctuation, InitialQuote
                   , FinalQuote, OtherPunctuation, MathSymbol, CurrencySymbol
                   , ModifierSymbol, OtherSymbol, Space, LineSeparator
                   , ParagraphSeparator, Control, Format, Surrogate, PrivateUse
                   , NotAssigned)
  , generalCategory
  , toUpper, toLower, toTitle
  , digitToInt, intToDigit
  , ord, chr
  , showLitChar, lexLitChar, readLitChar
  ) where

import GHC.Types
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum
import GHC.Read
import GHC.Unicode

-- | The character of a code point; an error outside 0 .. 0x10FFFF.
chr :: Int -> Char
chr = toEnum

isLetter :: Char -> Bool
isLetter = isAlpha

isMark :: Char -> Bool
isMark c = case generalCategory c of
  NonSpacingMark -> True
  SpacingCombiningMark -> True
  EnclosingMark -> True
  _ -> False

isNumber :: Char -> Bool
isNumber c = case generalCategory c of
  DecimalNumber -> True
  LetterNumber -> True
  OtherNumber -> True
  _ -> False

isSeparator :: Char -> Bool
isSeparator c = case generalCategory c of
  Space -> True
  LineSeparator -> True
  ParagraphSeparator -> True
  _ -> False

-- | The value of a hexadecimal digit (either case).
digitToInt :: Char -> Int
digitToInt c
  | isDigit c = ord c - ord '0'
  | c >= 'a' && c <= 'f' = ord c - ord 'a' + 10
  | c >= 'A' && c <= 'F' = ord c - ord 'A' + 10
  | otherwise = errorWithoutStackTrace ("Char.digitToInt: not a digit " ++ show c)
