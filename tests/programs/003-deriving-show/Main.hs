module Main (main) where

-- Derived Show: nested constructors get parentheses, negative numbers are
-- parenthesised as arguments, infix constructors use their fixity, records
-- print with braces.
data T = A | B Int | C T T | D (Maybe Int) [T]
  deriving Show

data P = P Int Int
  deriving Show

infixl 6 :+:
infixl 7 :*:

data Op = Int :+: Int | Op :*: Op | Neg Op
  deriving Show

infixr 5 :::

data List a = Nil | a ::: List a
  deriving Show

data R = R { rx :: Int, ry :: Maybe Double, rname :: String }
  deriving Show

data Pair a b = Pair a b
  deriving Show

newtype Wrap = Wrap Int
  deriving Show

newtype Box a = Box { unBox :: a }
  deriving Show

data Unit = Unit
  deriving Show

main :: IO ()
main = do
  print (Just (-3 :: Int))
  print (P (-1) 2)
  print [Just (B (-2)), Nothing]
  print (C A (B 3))
  print (C (C A A) (D Nothing [A, B (-1)]))
  print (D (Just 0) [])
  print (1 :+: (-2))
  print ((1 :+: 2) :*: (3 :+: 4))
  print (Neg (1 :+: 2))
  print (Just (5 :+: 6))
  print (1 ::: 2 ::: Nil :: List Int)
  print (Just ((-1) ::: Nil :: List Int))
  print (R { rx = -1, ry = Just 2.5, rname = "r" })
  print (Just (R 3 Nothing "q\"uote"))
  print (Pair 'x' "str", Pair (Pair 1 2) [3.5 :: Double])
  print (Pair (-1 :: Int) (Just (Left (-2) :: Either Int Bool)))
  print (Wrap (-5), Just (Wrap 3))
  print (Box (Just 'z'))
  print [Unit, Unit]
  print (Left 3 :: Either Int String, Right "ok" :: Either Int String)
  print ((-1 :: Int), Just (-2.5 :: Double), [(-3) :: Integer])
  putStrLn (showsPrec 11 (P 1 2) "")
  putStrLn (show (B 7) ++ "/" ++ showsPrec 11 (B 7) "")
