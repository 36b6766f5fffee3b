data Expr = Num Int | Add Expr Expr | Mul Expr Expr | Neg Expr

instance Show Expr where
  showsPrec d (Num n) = showsPrec d n
  showsPrec d (Add a b) = showParen (d > 6) (showsPrec 6 a . showString " + " . showsPrec 7 b)
  showsPrec d (Mul a b) = showParen (d > 7) (showsPrec 7 a . showString " * " . showsPrec 8 b)
  showsPrec d (Neg e) = showParen (d > 9) (showString "negate " . showsPrec 10 e)

main :: IO ()
main = do
  print (Mul (Add (Num 1) (Num 2)) (Num 3))
  print (Add (Num 1) (Mul (Num 2) (Num (-3))))
  print (Just (Neg (Num 4)), [Add (Num 1) (Num 2)])
  print (Neg (Add (Num 1) (Num 2)))
