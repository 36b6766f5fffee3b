module Main (main) where

-- Hand-written Show instances with showsPrec: precedences decide the
-- parentheses, also when the value sits inside Maybe, lists and tuples.
data Expr
  = Lit Int
  | Var String
  | Neg Expr
  | Add Expr Expr
  | Sub Expr Expr
  | Mul Expr Expr
  | Pow Expr Expr

instance Show Expr where
  showsPrec d (Lit n) = showsPrec d n
  showsPrec _ (Var v) = showString v
  showsPrec d (Neg e) = showParen (d > 9) (showString "negate " . showsPrec 10 e)
  showsPrec d (Add a b) = showParen (d > 6) (showsPrec 6 a . showString " + " . showsPrec 7 b)
  showsPrec d (Sub a b) = showParen (d > 6) (showsPrec 6 a . showString " - " . showsPrec 7 b)
  showsPrec d (Mul a b) = showParen (d > 7) (showsPrec 7 a . showString " * " . showsPrec 8 b)
  showsPrec d (Pow a b) = showParen (d > 8) (showsPrec 9 a . showString "^" . showsPrec 8 b)

-- A prefix constructor shown as the derived instance would show it.
data Wrap a = Wrap a

instance Show a => Show (Wrap a) where
  showsPrec d (Wrap x) = showParen (d > 10) (showString "Wrap " . showsPrec 11 x)

-- Only `show` defined: showsPrec comes from the class default and never
-- adds parentheses.
data Colour = Red | Green

instance Show Colour where
  show Red = "red"
  show Green = "green"

-- showList overridden: a list of bits prints as a bit string.
newtype Bit = Bit Bool

instance Show Bit where
  show (Bit b) = if b then "1" else "0"
  showList bs s = "0b" ++ concatMap show bs ++ s

main :: IO ()
main = do
  let e1 = Add (Lit 1) (Mul (Lit 2) (Var "x"))
      e2 = Mul (Add (Lit 1) (Lit 2)) (Var "y")
      e3 = Sub (Lit 10) (Sub (Lit 4) (Lit 3))
      e4 = Sub (Sub (Lit 10) (Lit 4)) (Lit 3)
      e5 = Pow (Var "a") (Pow (Var "b") (Var "c"))
      e6 = Pow (Pow (Var "a") (Var "b")) (Var "c")
      e7 = Add (Lit (-3)) (Mul (Lit (-4)) (Neg (Lit 5)))
      e8 = Neg (Add (Var "p") (Var "q"))
  mapM_ print [e1, e2, e3, e4, e5, e6, e7, e8]
  print (Just e1)
  print (Just (Lit (-7)))
  print [Lit 1, Lit (-1)]
  print (e2, Neg (Var "z"))
  print (Wrap (Lit 3))
  print (Wrap (Add (Lit 1) (Lit 2)))
  print (Just (Wrap (Just (-2 :: Int))))
  print [Wrap 'c']
  print (Just Red, [Green, Red])
  print (Wrap Green)
  print [Bit True, Bit False, Bit True, Bit True]
  print (Just [Bit False, Bit True])
  putStrLn (showsPrec 11 (-5 :: Int) "")
  putStrLn (showsPrec 6 (-5 :: Int) "" ++ " " ++ showsPrec 7 (-5 :: Int) "")
  putStrLn (shows (Lit 4) " and " ++ showParen True (showString "done") "")
