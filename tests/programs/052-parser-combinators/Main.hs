module Main (main) where

import Data.Char (isDigit, isSpace, isAlpha)

-- Parser combinators over String: a newtype with Functor, Applicative and
-- Monad instances, choice, many/some, chainl1 for left-associative
-- operators; parses and evaluates arithmetic and parses a list syntax.
newtype Parser a = Parser (String -> Maybe (a, String))

runParser :: Parser a -> String -> Maybe (a, String)
runParser (Parser p) = p

instance Functor Parser where
  fmap f (Parser p) = Parser $ \s -> case p s of
    Nothing -> Nothing
    Just (a, rest) -> Just (f a, rest)

instance Applicative Parser where
  pure a = Parser $ \s -> Just (a, s)
  pf <*> pa = do
    f <- pf
    a <- pa
    return (f a)

instance Monad Parser where
  Parser p >>= f = Parser $ \s -> case p s of
    Nothing -> Nothing
    Just (a, rest) -> runParser (f a) rest

failP :: Parser a
failP = Parser (const Nothing)

item :: Parser Char
item = Parser $ \s -> case s of
  (c : cs) -> Just (c, cs)
  [] -> Nothing

sat :: (Char -> Bool) -> Parser Char
sat p = do
  c <- item
  if p c then return c else failP

infixl 3 <||>
(<||>) :: Parser a -> Parser a -> Parser a
Parser p <||> Parser q = Parser $ \s -> case p s of
  Nothing -> q s
  r -> r

many0 :: Parser a -> Parser [a]
many0 p = many1 p <||> return []

many1 :: Parser a -> Parser [a]
many1 p = do
  x <- p
  xs <- many0 p
  return (x : xs)

spaces :: Parser ()
spaces = many0 (sat isSpace) >> return ()

token :: Parser a -> Parser a
token p = p <* spaces

symbol :: Char -> Parser Char
symbol c = token (sat (== c))

number :: Parser Integer
number = token (read <$> many1 (sat isDigit))

chainl1 :: Parser a -> Parser (a -> a -> a) -> Parser a
chainl1 p op = p >>= rest
  where
    rest a = (do f <- op; b <- p; rest (f a b)) <||> return a

expr, term, factor :: Parser Integer
expr = term `chainl1` (((+) <$ symbol '+') <||> ((-) <$ symbol '-'))
term = factor `chainl1` (((*) <$ symbol '*') <||> (div <$ symbol '/'))
factor = number <||> (symbol '(' *> expr <* symbol ')') <||> (negate <$> (symbol '-' *> factor))

sepBy :: Parser a -> Parser b -> Parser [a]
sepBy p s = (do x <- p; xs <- many0 (s >> p); return (x : xs)) <||> return []

identifier :: Parser String
identifier = token (many1 (sat isAlpha))

list :: Parser [String]
list = symbol '[' *> sepBy identifier (symbol ',') <* symbol ']'

parseAll :: Parser a -> String -> Maybe a
parseAll p s = case runParser (spaces >> p) s of
  Just (a, "") -> Just a
  _ -> Nothing

main :: IO ()
main = do
  mapM_ (print . parseAll expr) ["1+2*3", " (1 + 2) * 3 ", "10 - 4 - 3", "2*(3+4)*5 - -6", "100/7/2", "1 +", "(2"]
  print (runParser number "123abc", runParser number "abc")
  print (runParser (many0 (sat isDigit)) "42x", runParser (many1 (sat isDigit)) "x")
  print (parseAll list "[ alpha, beta ,gamma ]", parseAll list "[]", parseAll list "[a,,b]")
  print (fst <$> runParser ((,) <$> identifier <*> number) "width 640")
