import Data.Char (isDigit, isSpace)

newtype Parser a = Parser (String -> [(a, String)])

parse :: Parser a -> String -> [(a, String)]
parse (Parser p) = p

instance Functor Parser where
  fmap f p = Parser (\s -> [(f a, rest) | (a, rest) <- parse p s])

instance Applicative Parser where
  pure x = Parser (\s -> [(x, s)])
  pf <*> pa = Parser (\s -> [(f a, s2) | (f, s1) <- parse pf s, (a, s2) <- parse pa s1])

instance Monad Parser where
  p >>= f = Parser (\s -> concat [parse (f a) rest | (a, rest) <- parse p s])

item = Parser (\s -> case s of
                       [] -> []
                       (c : cs) -> [(c, cs)])

failure = Parser (const [])

sat p = do
  c <- item
  if p c then return c else failure

orElse p q = Parser (\s -> case parse p s of
                             [] -> parse q s
                             rs -> rs)

many0 p = many1 p `orElse` return []
many1 p = do
  x <- p
  xs <- many0 p
  return (x : xs)

token p = do
  x <- p
  _ <- many0 (sat isSpace)
  return x

symbol c = token (sat (== c))

number :: Parser Integer
number = token (read <$> many1 (sat isDigit))

expr = do
  t <- term
  rest t
  where
    rest acc = (do _ <- symbol '+'
                   t <- term
                   rest (acc + t)) `orElse` return acc

term = do
  f <- factor
  rest f
  where
    rest acc = (do _ <- symbol '*'
                   f <- factor
                   rest (acc * f)) `orElse` return acc

factor = number `orElse` (symbol '(' *> expr <* symbol ')')

main :: IO ()
main = do
  print (parse number "123 rest")
  print (parse expr "2 + 3 * (4 + 1)")
  print (fst (head (parse expr "1+2+3*4")))
  print (parse (many1 (sat isDigit)) "abc")
