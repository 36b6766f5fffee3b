module Main (main) where

-- Mutual recursion between top-level bindings: even/odd without
-- signatures, Hofstadter's female/male sequences, and an evaluator over two
-- mutually recursive data types.
isEven n = if n == 0 then True else isOdd (n - 1)
isOdd n = if n == 0 then False else isEven (n - 1)

female :: Int -> Int
female 0 = 1
female n = n - male (female (n - 1))

male :: Int -> Int
male 0 = 0
male n = n - female (male (n - 1))

data Expr
  = Num Int
  | Add Expr Expr
  | Mul Expr Expr
  | If Cond Expr Expr
  deriving Show

data Cond
  = Less Expr Expr
  | Not Cond
  | And Cond Cond
  deriving Show

evalE :: Expr -> Int
evalE (Num n) = n
evalE (Add a b) = evalE a + evalE b
evalE (Mul a b) = evalE a * evalE b
evalE (If c t e) = if evalC c then evalE t else evalE e

evalC :: Cond -> Bool
evalC (Less a b) = evalE a < evalE b
evalC (Not c) = not (evalC c)
evalC (And c d) = evalC c && evalC d

sizeE :: Expr -> Int
sizeE (Num _) = 1
sizeE (Add a b) = 1 + sizeE a + sizeE b
sizeE (Mul a b) = 1 + sizeE a + sizeE b
sizeE (If c t e) = 1 + sizeC c + sizeE t + sizeE e

sizeC :: Cond -> Int
sizeC (Less a b) = 1 + sizeE a + sizeE b
sizeC (Not c) = 1 + sizeC c
sizeC (And c d) = 1 + sizeC c + sizeC d

-- Mutual recursion inside a where clause, splitting a list by position.
alternate :: [a] -> ([a], [a])
alternate xs = (evens xs, odds xs)
  where
    evens [] = []
    evens (y : ys) = y : odds ys
    odds [] = []
    odds (_ : ys) = evens ys

main :: IO ()
main = do
  print (isEven 10, isOdd 7, isEven 3)
  print (map female [0 .. 12])
  print (map male [0 .. 12])
  let e = If (And (Less (Num 1) (Num 2)) (Not (Less (Num 5) (Num 3))))
             (Mul (Num 6) (Add (Num 3) (Num 4)))
             (Num 0)
  print e
  print (evalE e, sizeE e)
  print (evalE (If (Less (Num 3) (Num 1)) (Num 1) (Add (Num 40) (Num 2))))
  print (alternate "abcdefg")
  print (alternate [1 .. 10 :: Int])
