infixl 6 :+:
infixl 7 :*:
infixr 5 :::

data Expr = Lit Int | Expr :+: Expr | Expr :*: Expr | Neg Expr deriving Show
data Stream a = Nil | a ::: Stream a deriving Show
data Pair = Int `Pair` Int deriving Show

main :: IO ()
main = do
  print (Lit 1 :+: Lit 2 :*: Lit 3)
  print ((Lit 1 :+: Lit 2) :*: Lit 3)
  print (Neg (Lit (-4)) :+: Lit 5)
  print (1 ::: 2 ::: Nil)
  print (Just ((-1) ::: Nil))
  print (3 `Pair` (-4))
