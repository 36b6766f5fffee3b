{-# LANGUAGE NoImplicitPrelude #-}
-- | Character classification (as GHC 9.0's GHC.Unicode).  The Unicode tables are
-- behind one primitive, 'primCharGeneralCategory'; case mappings are primitives.
module GHC.Unicode
  ( GeneralCategory(UppercaseLetter, LowercaseLetter, TitlecaseLetter, ModifierLetter
                   , OtherLetter, NonSpacingMark, SpacingCombiningMark, EnclosingMark
                   , DecimalNumber, LetterNumber, OtherNumber, ConnectorPunctuation
                   , DashPunctuation, OpenPunctuation, ClosePunctuation, InitialQuote
                   , FinalQuote, OtherPunctuation, MathSymbol, CurrencySymbol
                   , ModifierSymbol, OtherSymbol, Space, LineSeparator
                   , ParagraphSeparator, Control, Format, Surrogate, PrivateUse
                   , NotAssigned)
  , generalCategory
  , isAscii, isLatin1, isControl, isAsciiUpper, isAsciiLower, isPrint, isSpace
  , isUpper, isLower, isAlpha, isDigit, isOctDigit, isHexDigit, isAlphaNum
  , isPunctuation, isSymbol
  , toUpper, toLower, toTitle
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum

-- | The Unicode general categories, in the order of the Unicode standard.
data GeneralCategory
  = UppercaseLetter
  | LowercaseLetter
  | TitlecaseLetter
  | ModifierLetter
  | OtherLetter
  | NonSpacingMark
  | SpacingCombiningMark
  | EnclosingMark
  | DecimalNumber
  | LetterNumber
  | OtherNumber
  | ConnectorPunctuation
  | DashPunctuation
  | OpenPunctuation
  | ClosePunctuation
  | InitialQuote
  | FinalQuote
  | OtherPunctuation
  | MathSymbol
  | CurrencySymbol
  | ModifierSymbol
  | OtherSymbol
  | Space
  | LineSeparator
  | ParagraphSeparator
  | Control
  | Format
  | Surrogate
  | PrivateUse
  | NotAssigned

allCategories :: [GeneralCategory]
allCategories =
  [ UppercaseLetter, LowercaseLetter, TitlecaseLetter, ModifierLetter, OtherLetter
  , NonSpacingMark, SpacingCombiningMark, EnclosingMark, DecimalNumber, LetterNumber
  , OtherNumber, ConnectorPunctuation, DashPunctuation, OpenPunctuation
  , ClosePunctuation, InitialQuote, FinalQuote, OtherPunctuation, MathSymbol
  , CurrencySymbol, ModifierSymbol, OtherSymbol, Space, LineSeparator
  , ParagraphSeparator, Control, Format, Surrogate, PrivateUse, NotAssigned
  ]

categoryNames :: [String]
categoryNames =
  [ "UppercaseLetter", "LowercaseLetter", "TitlecaseLetter", "ModifierLetter", "OtherLetter"
  , "NonSpacingMark", "SpacingCombiningMark", "EnclosingMark", "DecimalNumber"
  , "LetterNumber", "OtherNumber", "ConnectorPunctuation", "DashPunctuation"
  , "OpenPunctuation", "ClosePunctuation", "InitialQuote", "FinalQuote"
  , "OtherPunctuation", "MathSymbol", "CurrencySymbol", "ModifierSymbol", "OtherSymbol"
  , "Space", "LineSeparator", "ParagraphSeparator", "Control", "Format", "Surrogate"
  , "PrivateUse", "NotAssigned"
  ]

categoryIndex :: GeneralCategory -> Int
categoryIndex c = case c of
  UppercaseLetter -> 0
  LowercaseLetter -> 1
  TitlecaseLetter -> 2
  ModifierLetter -> 3
  OtherLetter -> 4
  NonSpacingMark -> 5
  SpacingCombiningMark -> 6
  EnclosingMark -> 7
  DecimalNumber -> 8
  LetterNumber -> 9
  OtherNumber -> 10
  ConnectorPunctuation -> 11
  DashPunctuation -> 12
  OpenPunctuation -> 13
  ClosePunctuation -> 14
  InitialQuote -> 15
  FinalQuote -> 16
  OtherPunctuation -> 17
  MathSymbol -> 18
  CurrencySymbol -> 19
  ModifierSymbol -> 20
  OtherSymbol -> 21
  Space -> 22
  LineSeparator -> 23
  ParagraphSeparator -> 24
  Control -> 25
  Format -> 26
  Surrogate -> 27
  PrivateUse -> 28
  NotAssigned -> 29

instance Eq GeneralCategory where
  a == b = categoryIndex a == categoryIndex b

instance Ord GeneralCategory where
  compare a b = compare (categoryIndex a) (categoryIndex b)

instance Bounded GeneralCategory where
  minBound = UppercaseLetter
  maxBound = NotAssigned

instance Enum GeneralCategory where
  fromEnum = categoryIndex
  toEnum n
    | n >= 0 && n <= 29 = allCategories !! n
    | otherwise = toEnumError "GeneralCategory"
  succ c
    | categoryIndex c == 29 = succError "GeneralCategory"
    | otherwise = allCategories !! (categoryIndex c + 1)
  pred c
    | categoryIndex c == 0 = predError "GeneralCategory"
    | otherwise = allCategories !! (categoryIndex c - 1)
  enumFrom = boundedEnumFrom
  enumFromThen = boundedEnumFromThen

instance Show GeneralCategory where
  showsPrec _ c = showString (categoryNames !! categoryIndex c)

-- | The Unicode general category of a character.
generalCategory :: Char -> GeneralCategory
generalCategory c = allCategories !! primCharGeneralCategory c

isAscii :: Char -> Bool
isAscii c = c < '\x80'

isLatin1 :: Char -> Bool
isLatin1 c = c <= '\xff'

isAsciiLower :: Char -> Bool
isAsciiLower c = c >= 'a' && c <= 'z'

isAsciiUpper :: Char -> Bool
isAsciiUpper c = c >= 'A' && c <= 'Z'

-- | Control characters (category Control).
isControl :: Char -> Bool
isControl c = primCharGeneralCategory c == 25

-- | Printable characters: all but separators other than space, control, format,
-- surrogate, private-use and unassigned code points.
isPrint :: Char -> Bool
isPrint c = let k = primCharGeneralCategory c in k < 23 || k > 29

-- | White space: the Latin-1 spaces (space, \\t \\n \\r \\f \\v, U+00A0) and
-- category Space.
isSpace :: Char -> Bool
isSpace c
  | uc <= 887 = uc == 32 || (uc >= 9 && uc <= 13) || uc == 160
  | otherwise = primCharGeneralCategory c == 22
  where
    uc = ord c

-- | Upper-case or title-case letters.
isUpper :: Char -> Bool
isUpper c = let k = primCharGeneralCategory c in k == 0 || k == 2

-- | Lower-case letters.
isLower :: Char -> Bool
isLower c = primCharGeneralCategory c == 1

-- | Letters (categories Lu, Ll, Lt, Lm, Lo).
isAlpha :: Char -> Bool
isAlpha c = primCharGeneralCategory c <= 4

-- | ASCII digits only.
isDigit :: Char -> Bool
isDigit c = c >= '0' && c <= '9'

isOctDigit :: Char -> Bool
isOctDigit c = c >= '0' && c <= '7'

isHexDigit :: Char -> Bool
isHexDigit c = isDigit c || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')

-- | Letters and numbers (categories L* and N*).
isAlphaNum :: Char -> Bool
isAlphaNum c = let k = primCharGeneralCategory c in k <= 4 || (k >= 8 && k <= 10)

isPunctuation :: Char -> Bool
isPunctuation c = let k = primCharGeneralCategory c in k >= 11 && k <= 17

isSymbol :: Char -> Bool
isSymbol c = let k = primCharGeneralCategory c in k >= 18 && k <= 21

toUpper :: Char -> Char
toUpper = primCharToUpper

toLower :: Char -> Char
toLower = primCharToLower

toTitle :: Char -> Char
toTitle = primCharToTitle
