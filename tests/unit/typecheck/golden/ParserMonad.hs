module Main (main) where

import Data.Char (isDigit, isSpace)

-- a user Monad instance with Functor and Applicative, do notation
newtype Parser a = Parser { runParser :: String -> Maybe (a, String) }

instance Functor Parser where
  fmap f (Parser p) = Parser (\s -> case p s of
    Nothing -> Nothing
    Just (a, rest) -> Just (f a, rest))

instance Applicative Parser where
  pure x = Parser (\s -> Just (x, s))
  Parser pf <*> Parser pa = Parser (\s -> case pf s of
    Nothing -> Nothing
    Just (f, rest) -> case pa rest of
      Nothing -> Nothing
      Just (a, rest') -> Just (f a, rest'))

instance Monad Parser where
  Parser p >>= f = Parser (\s -> case p s of
    Nothing -> Nothing
    Just (a, rest) -> runParser (f a) rest)

item = Parser (\s -> case s of
  [] -> Nothing
  (c : cs) -> Just (c, cs))

sat p = do
  c <- item
  if p c then return c else Parser (const Nothing)

many1 p = do
  x <- p
  xs <- many0 p
  return (x : xs)

many0 p = Parser (\s -> case runParser (many1 p) s of
  Nothing -> Just ([], s)
  r -> r)

token p = do
  x <- p
  _ <- many0 (sat isSpace)
  return x

number = token (do
  ds <- many1 (sat isDigit)
  return (read ds :: Int))

sumOf = do
  n <- number
  rest <- many0 (token (sat (== '+')) >> number)
  return (n + sum rest)

main :: IO ()
main = do
  print (runParser sumOf "1 + 22 + 333")
  print (fmap fst (runParser (many1 (sat isDigit)) "42x"))
