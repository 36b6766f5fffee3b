module Main (main) where

-- A small interpreter: an expression language with integers, booleans,
-- let, lambdas with closures, recursion through letrec, and run-time type
-- errors reported as Left values.
data Expr
  = IntE Integer
  | BoolE Bool
  | Var String
  | BinOp Op Expr Expr
  | If Expr Expr Expr
  | Let String Expr Expr
  | LetRec String String Expr Expr
  | Lam String Expr
  | App Expr Expr
  deriving Show

data Op = Plus | Minus | Times | Less | Equal
  deriving (Show, Eq)

data Value
  = IntV Integer
  | BoolV Bool
  | Closure String Expr Env

type Env = [(String, Value)]

instance Show Value where
  show (IntV n) = show n
  show (BoolV b) = show b
  show (Closure x _ _) = "<function of " ++ x ++ ">"

eval :: Env -> Expr -> Either String Value
eval _ (IntE n) = Right (IntV n)
eval _ (BoolE b) = Right (BoolV b)
eval env (Var x) = maybe (Left ("unbound variable " ++ x)) Right (lookup x env)
eval env (BinOp op a b) = do
  va <- eval env a
  vb <- eval env b
  binop op va vb
eval env (If c t e) = do
  vc <- eval env c
  case vc of
    BoolV True -> eval env t
    BoolV False -> eval env e
    v -> Left ("if on a non-boolean " ++ show v)
eval env (Let x e body) = do
  v <- eval env e
  eval ((x, v) : env) body
eval env (LetRec f x e body) = eval env' body
  where
    env' = (f, Closure x e env') : env
eval env (Lam x body) = Right (Closure x body env)
eval env (App f a) = do
  vf <- eval env f
  va <- eval env a
  case vf of
    Closure x body cenv -> eval ((x, va) : cenv) body
    v -> Left ("applying a non-function " ++ show v)

binop :: Op -> Value -> Value -> Either String Value
binop Plus (IntV a) (IntV b) = Right (IntV (a + b))
binop Minus (IntV a) (IntV b) = Right (IntV (a - b))
binop Times (IntV a) (IntV b) = Right (IntV (a * b))
binop Less (IntV a) (IntV b) = Right (BoolV (a < b))
binop Equal (IntV a) (IntV b) = Right (BoolV (a == b))
binop Equal (BoolV a) (BoolV b) = Right (BoolV (a == b))
binop op a b = Left ("bad operands for " ++ show op ++ ": " ++ show a ++ ", " ++ show b)

factorial :: Expr
factorial =
  LetRec "fact" "n"
    (If (BinOp Less (Var "n") (IntE 1)) (IntE 1) (BinOp Times (Var "n") (App (Var "fact") (BinOp Minus (Var "n") (IntE 1)))))
    (App (Var "fact") (IntE 20))

adder :: Expr
adder =
  Let "add" (Lam "a" (Lam "b" (BinOp Plus (Var "a") (Var "b"))))
    (Let "inc" (App (Var "add") (IntE 1))
      (App (Var "inc") (App (Var "inc") (IntE 40))))

shadowing :: Expr
shadowing = Let "x" (IntE 1) (Let "f" (Lam "y" (BinOp Plus (Var "x") (Var "y"))) (Let "x" (IntE 100) (App (Var "f") (Var "x"))))

fibE :: Expr
fibE =
  LetRec "fib" "n"
    (If (BinOp Less (Var "n") (IntE 2)) (Var "n")
      (BinOp Plus (App (Var "fib") (BinOp Minus (Var "n") (IntE 1))) (App (Var "fib") (BinOp Minus (Var "n") (IntE 2)))))
    (App (Var "fib") (IntE 10))

main :: IO ()
main = do
  let programs =
        [ factorial
        , adder
        , shadowing
        , fibE
        , Lam "z" (Var "z")
        , BinOp Equal (BinOp Less (IntE 1) (IntE 2)) (BoolE True)
        , BinOp Plus (IntE 1) (BoolE False)
        , App (IntE 3) (IntE 4)
        , Var "nowhere"
        , If (IntE 0) (IntE 1) (IntE 2)
        ]
  mapM_ (print . eval []) programs
  print (Let "x" (IntE (-5)) (Var "x"))
