{-# LANGUAGE NoImplicitPrelude #-}
-- | The 'Read' class in its Haskell 2010 form ('readsPrec' / 'readList' over
-- 'ReadS'), the lexer 'lex', and instances for the basic types.
--
-- Accepted input follows GHC's: surrounding white space and redundant
-- parentheses are allowed, negative numbers need no parentheses
-- (@read \"Just -3\"@ works, as in GHC), integers may be written in hexadecimal
-- (@0x1F@) or octal (@0o17@), Double accepts @Infinity@ and @NaN@.
module GHC.Read
  ( Read(readsPrec, readList)
  , ReadS
  , reads, read, readMaybe, readEither, lex, readParen
  , lexLitChar, readLitChar, lexDigits
  , readSignedAt, readDec, readOct, readHex, readFloatToken
  ) where

import GHC.Types
import GHC.Prim
import GHC.Base
import GHC.Num
import GHC.List
import GHC.Show
import GHC.Enum
import GHC.Real
import GHC.Float
import GHC.Unicode

-- | A parser for @a@: every way to read a prefix of the string, with the rest.
type ReadS a = String -> [(a, String)]

class Read a where
  readsPrec :: Int -> ReadS a
  readList :: ReadS [a]
  readList = readListDefault

-- | @[a, b, c]@, each element read at precedence 0.
readListDefault :: Read a => ReadS [a]
readListDefault = readParen False (\r -> [pr | ("[", s) <- lex r, pr <- readl s])
  where
    readl s =
      [([], t) | ("]", t) <- lex s]
        ++ [(x : xs, u) | (x, t) <- reads s, (xs, u) <- readl' t]
    readl' s =
      [([], t) | ("]", t) <- lex s]
        ++ [(x : xs, v) | (",", t) <- lex s, (x, u) <- reads t, (xs, v) <- readl' u]

reads :: Read a => ReadS a
reads = readsPrec 0

-- | Reads the whole string (up to white space) or fails with GHC's message.
read :: Read a => String -> a
read s = case readEither s of
  Left msg -> errorWithoutStackTrace msg
  Right x -> x

readEither :: Read a => String -> Either String a
readEither s = case [x | (x, t) <- reads s, ("", "") <- lex t] of
  [x] -> Right x
  [] -> Left "Prelude.read: no parse"
  _ -> Left "Prelude.read: ambiguous parse"

readMaybe :: Read a => String -> Maybe a
readMaybe s = case readEither s of
  Left _ -> Nothing
  Right x -> Just x

-- | @readParen True p@ requires parentheses around what @p@ reads; @False@
-- allows any number of them.
readParen :: Bool -> ReadS a -> ReadS a
readParen b g = if b then mandatory else optional
  where
    optional r = g r ++ mandatory r
    mandatory r = [(x, u) | ("(", s) <- lex r, (x, t) <- optional s, (")", u) <- lex t]

-- The lexer ---------------------------------------------------------------------------

-- | One Haskell lexeme from the front of the string, after white space; @("", "")@
-- at the end of the input, no result on a lexical error.
lex :: ReadS String
lex "" = [("", "")]
lex (c : s)
  | isSpace c = lex (dropWhile isSpace s)
lex ('\'' : s) = [('\'' : ch ++ "'", t) | (ch, '\'' : t) <- lexLitChar s, ch /= "'"]
lex ('"' : s) = [('"' : str, t) | (str, t) <- lexString s]
  where
    lexString ('"' : r) = [("\"", r)]
    lexString r = [(ch ++ str, u) | (ch, t) <- lexStrItem r, (str, u) <- lexString t]
    lexStrItem ('\\' : '&' : r) = [("\\&", r)]
    lexStrItem ('\\' : d : r)
      | isSpace d = [("\\&", t) | '\\' : t <- [dropWhile isSpace r]]
    lexStrItem r = lexLitChar r
lex (c : s)
  | isSingle c = [([c], s)]
  | isSym c = let (sym, t) = span isSym s in [(c : sym, t)]
  | isAlpha c || c == '_' = let (nam, t) = span isIdChar s in [(c : nam, t)]
  | isDigit c = lexNumber c s
  | otherwise = []
  where
    isSingle x = x `elem` ",;()[]{}`"
    isSym x = x `elem` "!@#$%&*+./<=>?\\^|:-~"
    isIdChar x = isAlphaNum x || x == '_' || x == '\''

lexNumber :: Char -> ReadS String
lexNumber '0' (x : r)
  | (x == 'x' || x == 'X') && startsWith isHexDigit r =
      let (ds, t) = span isHexDigit r in [('0' : x : ds, t)]
  | (x == 'o' || x == 'O') && startsWith isOctDigit r =
      let (ds, t) = span isOctDigit r in [('0' : x : ds, t)]
lexNumber c s =
  [(c : ds ++ fe, t) | (ds, r) <- [span isDigit s], (fe, t) <- lexFracExp r]
  where
    lexFracExp ('.' : d : ds)
      | isDigit d = [('.' : ds' ++ e, u) | (ds', t) <- lexDigits (d : ds), (e, u) <- lexExp t]
    lexFracExp r = lexExp r
    lexExp (e : r)
      | e == 'e' || e == 'E' = case r of
          sgn : r'
            | (sgn == '+' || sgn == '-') && startsWith isDigit r' ->
                [(e : sgn : ds, u) | (ds, u) <- lexDigits r']
          _ | startsWith isDigit r -> [(e : ds, u) | (ds, u) <- lexDigits r]
          _ -> [("", e : r)]
    lexExp r = [("", r)]

startsWith :: (Char -> Bool) -> String -> Bool
startsWith p (c : _) = p c
startsWith _ [] = False

-- | A non-empty run of decimal digits.
lexDigits :: ReadS String
lexDigits s = case span isDigit s of
  ([], _) -> []
  (ds, t) -> [(ds, t)]

-- | One character of a character or string literal, as written (escapes kept).
lexLitChar :: ReadS String
lexLitChar [] = []
lexLitChar (c : s)
  | c /= '\\' = [([c], s)]
  | otherwise = [('\\' : esc, t) | (_, esc, t) <- readEscape s]

-- | One character of a literal, decoded.
readLitChar :: ReadS Char
readLitChar [] = []
readLitChar (c : s)
  | c /= '\\' = [(c, s)]
  | otherwise = [(ch, t) | (ch, _, t) <- readEscape s]

-- | After a backslash: the character, the text of the escape, the rest.
readEscape :: String -> [(Char, String, String)]
readEscape s = case s of
  'a' : t -> [('\a', "a", t)]
  'b' : t -> [('\b', "b", t)]
  'f' : t -> [('\f', "f", t)]
  'n' : t -> [('\n', "n", t)]
  'r' : t -> [('\r', "r", t)]
  't' : t -> [('\t', "t", t)]
  'v' : t -> [('\v', "v", t)]
  '\\' : t -> [('\\', "\\", t)]
  '"' : t -> [('"', "\"", t)]
  '\'' : t -> [('\'', "'", t)]
  '^' : c : t
    | c >= '@' && c <= '_' -> [(unsafeChr (ord c - ord '@'), ['^', c], t)]
  'x' : t
    | startsWith isHexDigit t -> numeric 16 isHexDigit "x" t
  'o' : t
    | startsWith isOctDigit t -> numeric 8 isOctDigit "o" t
  c : _
    | isDigit c -> numeric 10 isDigit "" s
  _ -> asciiEscape s
  where
    numeric base isDig pre t =
      let (ds, rest) = span isDig t
          n = foldl (\acc d -> acc * base + toInteger (digitValue d)) 0 ds
      in if n <= 1114111 then [(unsafeChr (fromInteger n), pre ++ ds, rest)] else []

digitValue :: Char -> Int
digitValue c
  | isDigit c = ord c - ord '0'
  | c >= 'a' && c <= 'f' = ord c - ord 'a' + 10
  | otherwise = ord c - ord 'A' + 10

-- | The named ASCII escapes, longest match first (@\\SOH@ before @\\SO@).
asciiEscape :: String -> [(Char, String, String)]
asciiEscape s = case [(c, name, drop (length name) s) | (name, c) <- asciiNames, name `isPrefixOf'` s] of
  [] -> []
  (m : _) -> [m]
  where
    isPrefixOf' [] _ = True
    isPrefixOf' _ [] = False
    isPrefixOf' (x : xs) (y : ys) = x == y && isPrefixOf' xs ys

asciiNames :: [(String, Char)]
asciiNames =
  [ ("NUL", '\NUL'), ("SOH", '\SOH'), ("STX", '\STX'), ("ETX", '\ETX')
  , ("EOT", '\EOT'), ("ENQ", '\ENQ'), ("ACK", '\ACK'), ("BEL", '\BEL')
  , ("BS", '\BS'), ("HT", '\HT'), ("LF", '\LF'), ("VT", '\VT')
  , ("FF", '\FF'), ("CR", '\CR'), ("SO", '\SO'), ("SI", '\SI')
  , ("DLE", '\DLE'), ("DC1", '\DC1'), ("DC2", '\DC2'), ("DC3", '\DC3')
  , ("DC4", '\DC4'), ("NAK", '\NAK'), ("SYN", '\SYN'), ("ETB", '\ETB')
  , ("CAN", '\CAN'), ("EM", '\EM'), ("SUB", '\SUB'), ("ESC", '\ESC')
  , ("FS", '\FS'), ("GS", '\GS'), ("RS", '\RS'), ("US", '\US')
  , ("SP", '\SP'), ("DEL", '\DEL')
  ]

-- Numbers ---------------------------------------------------------------------------------

-- | Reads a number with an optional minus sign.  As in GHC the sign is accepted
-- at any precedence (@read \"Just -3\"@ works); the precedence is unused.
readSignedAt :: Num a => Int -> ReadS a -> ReadS a
readSignedAt _ readPos = readParen False read'
  where
    read' r = readPos r ++ [(negate x, t) | ("-", s) <- lex r, (x, t) <- readPos s]

-- | An unsigned integer lexeme: decimal, @0x@ hexadecimal or @0o@ octal.
readIntegerToken :: ReadS Integer
readIntegerToken r = [(n, t) | (tok, t) <- lex r, Just n <- [integerOf tok]]
  where
    integerOf ('0' : x : ds)
      | x == 'x' || x == 'X' = Just (digitsValue 16 ds)
      | x == 'o' || x == 'O' = Just (digitsValue 8 ds)
    integerOf ds@(_ : _)
      | all isDigit ds = Just (digitsValue 10 ds)
    integerOf _ = Nothing

digitsValue :: Integer -> String -> Integer
digitsValue base = foldl (\acc d -> acc * base + toInteger (digitValue d)) 0

-- | Numeric readers of Haskell 2010's Numeric module: unsigned numbers in a base.
readDec, readOct, readHex :: (Eq a, Num a) => ReadS a
readDec = readBase 10 isDigit
readOct = readBase 8 isOctDigit
readHex = readBase 16 isHexDigit

readBase :: Num a => Integer -> (Char -> Bool) -> ReadS a
readBase base isDig s = case span isDig s of
  ([], _) -> []
  (ds, t) -> [(fromInteger (digitsValue base ds), t)]

-- | A floating-point lexeme (decimal integer, decimal fraction with optional
-- exponent, @Infinity@, @NaN@) as an exact Rational, or infinity / NaN.
readFloatToken :: RealFloat a => ReadS a
readFloatToken r = [(x, t) | (tok, t) <- lex r, Just x <- [floatOf tok]]
  where
    floatOf "Infinity" = Just (1 / 0)
    floatOf "NaN" = Just (0 / 0)
    floatOf tok@(c : _)
      | isDigit c = case integerOf tok of
          Just n -> Just (fromInteger n)
          Nothing -> decimal tok
    floatOf _ = Nothing
    integerOf ('0' : x : ds)
      | x == 'x' || x == 'X' = Just (digitsValue 16 ds)
      | x == 'o' || x == 'O' = Just (digitsValue 8 ds)
    integerOf ds
      | all isDigit ds = Just (digitsValue 10 ds)
    integerOf _ = Nothing
    decimal tok =
      let (intPart, rest) = span isDigit tok
          (fracPart, rest') = case rest of
            '.' : more -> span isDigit more
            _ -> ([], rest)
          expo = case rest' of
            [] -> Just 0
            e : more
              | e == 'e' || e == 'E' -> case more of
                  '-' : ds -> Just (negate (digitsValue 10 ds))
                  '+' : ds -> Just (digitsValue 10 ds)
                  ds -> Just (digitsValue 10 ds)
            _ -> Nothing
          mantissa = digitsValue 10 (intPart ++ fracPart)
      in case expo of
           Nothing -> Nothing
           Just e -> Just (scaleDecimal mantissa (e - toInteger (length fracPart)))

-- | @m * 10^e@ converted with a single rounding; huge exponents saturate.
scaleDecimal :: RealFloat a => Integer -> Integer -> a
scaleDecimal m e
  | m == 0 = 0
  | e > 400 = 1 / 0
  | e < negate 400 - toInteger (length (show m)) = 0
  | e >= 0 = fromRational ((m * 10 ^ e) :% 1)
  | otherwise = fromRational (m % (10 ^ negate e))

-- Instances -------------------------------------------------------------------------------

instance Read Int where
  readsPrec p = readSignedAt p (\r -> [(fromInteger n, t) | (n, t) <- readIntegerToken r])

instance Read Integer where
  readsPrec p = readSignedAt p readIntegerToken

instance Read Double where
  readsPrec p = readSignedAt p readFloatToken

instance Read Float where
  readsPrec p = readSignedAt p readFloatToken

instance Read Char where
  readsPrec _ = readParen False (\r -> [(c, t) | ('\'' : s, t) <- lex r, (c, "'") <- readLitChar s])
  readList r = readParen False (\r' -> [(l, t) | ('"' : s, t) <- lex r', (l, _) <- readl s]) r
    ++ readListDefault r
    where
      readl ('"' : _) = [("", "")]
      readl ('\\' : '&' : s) = readl s
      readl ('\\' : c : s)
        | isSpace c = case dropWhile isSpace s of
            '\\' : t -> readl t
            _ -> []
      readl s = [(c : cs, u) | (c, t) <- readLitChar s, (cs, u) <- readl t]

instance Read Bool where
  readsPrec _ = readParen False (\r ->
    [(False, t) | ("False", t) <- lex r] ++ [(True, t) | ("True", t) <- lex r])

instance Read Ordering where
  readsPrec _ = readParen False (\r ->
    [(LT, t) | ("LT", t) <- lex r] ++ [(EQ, t) | ("EQ", t) <- lex r] ++ [(GT, t) | ("GT", t) <- lex r])

instance Read () where
  readsPrec _ = readParen False (\r -> [((), t) | ("(", s) <- lex r, (")", t) <- lex s])

instance Read a => Read [a] where
  readsPrec _ = readList

instance Read a => Read (Maybe a) where
  readsPrec d r =
    readParen False (\r' -> [(Nothing, t) | ("Nothing", t) <- lex r']) r
      ++ readParen (d > 10) (\r' -> [(Just x, u) | ("Just", t) <- lex r', (x, u) <- readsPrec 11 t]) r

-- | @x % y@ at precedence 7, as GHC.
instance (Integral a, Read a) => Read (Ratio a) where
  readsPrec d = readParen (d > ratioPrec) (\r ->
    [(x % y, u) | (x, s) <- readsPrec ratioPrec1 r, ("%", t) <- lex s, (y, u) <- readsPrec ratioPrec1 t])

instance (Read a, Read b) => Read (Either a b) where
  readsPrec d = readParen (d > 10) (\r ->
    [(Left x, u) | ("Left", t) <- lex r, (x, u) <- readsPrec 11 t]
      ++ [(Right x, u) | ("Right", t) <- lex r, (x, u) <- readsPrec 11 t])

instance (Read t1, Read t2) => Read (t1, t2) where
  readsPrec _ = readParen False (\r0 ->
    [ ((a1, a2), s3) | ("(", r1) <- lex r0
    , (a1, s1) <- reads r1
    , (",", r2) <- lex s1
    , (a2, s2) <- reads r2
    , (")", s3) <- lex s2 ])

instance (Read t1, Read t2, Read t3) => Read (t1, t2, t3) where
  readsPrec _ = readParen False (\r0 ->
    [ ((a1, a2, a3), s4) | ("(", r1) <- lex r0
    , (a1, s1) <- reads r1
    , (",", r2) <- lex s1
    , (a2, s2) <- reads r2
    , (",", r3) <- lex s2
    , (a3, s3) <- reads r3
    , (")", s4) <- lex s3 ])

instance (Read t1, Read t2, Read t3, Read t4) => Read (t1, t2, t3, t4) where
  readsPrec _ = readParen False (\r0 ->
    [ ((a1, a2, a3, a4), s5) | ("(", r1) <- lex r0
    , (a1, s1) <- reads r1
    , (",", r2) <- lex s1
    , (a2, s2) <- reads r2
    , (",", r3) <- lex s2
    , (a3, s3) <- reads r3
    , (",", r4) <- lex s3
    , (a4, s4) <- reads r4
    , (")", s5) <- lex s4 ])

instance (Read t1, Read t2, Read t3, Read t4, Read t5) => Read (t1, t2, t3, t4, t5) where
  readsPrec _ = readParen False (\r0 ->
    [ ((a1, a2, a3, a4, a5), s6) | ("(", r1) <- lex r0
    , (a1, s1) <- reads r1
    , (",", r2) <- lex s1
    , (a2, s2) <- reads r2
    , (",", r3) <- lex s2
    , (a3, s3) <- reads r3
    , (",", r4) <- lex s3
    , (a4, s4) <- reads r4
    , (",", r5) <- lex s4
    , (a5, s5) <- reads r5
    , (")", s6) <- lex s5 ])

instance (Read t1, Read t2, Read t3, Read t4, Read t5, Read t6) => Read (t1, t2, t3, t4, t5, t6) where
  readsPrec _ = readParen False (\r0 ->
    [ ((a1, a2, a3, a4, a5, a6), s7) | ("(", r1) <- lex r0
    , (a1, s1) <- reads r1
    , (",", r2) <- lex s1
    , (a2, s2) <- reads r2
    , (",", r3) <- lex s2
    , (a3, s3) <- reads r3
    , (",", r4) <- lex s3
    , (a4, s4) <- reads r4
    , (",", r5) <- lex s4
    , (a5, s5) <- reads r5
    , (",", r6) <- lex s5
    , (a6, s6) <- reads r6
    , (")", s7) <- lex s6 ])

instance (Read t1, Read t2, Read t3, Read t4, Read t5, Read t6, Read t7) => Read (t1, t2, t3, t4, t5, t6, t7) where
  readsPrec _ = readParen False (\r0 ->
    [ ((a1, a2, a3, a4, a5, a6, a7), s8) | ("(", r1) <- lex r0
    , (a1, s1) <- reads r1
    , (",", r2) <- lex s1
    , (a2, s2) <- reads r2
    , (",", r3) <- lex s2
    , (a3, s3) <- reads r3
    , (",", r4) <- lex s3
    , (a4, s4) <- reads r4
    , (",", r5) <- lex s4
    , (a5, s5) <- reads r5
    , (",", r6) <- lex s5
    , (a6, s6) <- reads r6
    , (",", r7) <- lex s6
    , (a7, s7) <- reads r7
    , (")", s8) <- lex s7 ])

