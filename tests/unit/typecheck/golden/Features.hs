module Main (main) where

import Data.List (sortBy)
import Data.Char (toUpper)

infixl 6 |+|
class Vec v where
  (|+|) :: v -> v -> v
  zero :: v
  vsum :: [v] -> v
  vsum = foldr (|+|) zero

data V2 = V2 Double Double deriving (Show, Eq)

instance Vec V2 where
  V2 a b |+| V2 c d = V2 (a + c) (b + d)
  zero = V2 0 0

data Shape = Circle { radius :: Double } | Rect { w, h :: Double } deriving (Show, Eq, Ord)

area (Circle r) = pi * r * r
area (Rect a b) = a * b

classify n
  | n < 0 = "neg"
  | n == 0 = "zero"
  | otherwise = case n of
      1 -> "one"
      _ | even n -> "even"
        | otherwise -> "odd"

pairs xs = [(x, y) | x <- xs, y <- xs, x < y, let s = x + y, odd s]

lazyPair ~(a, b) = 1

neg (-1) = True
neg _ = False

upper s = map toUpper s

sortDesc = sortBy (\a b -> compare b a)

count p = length . filter p

apply = ($ 3)

twice = \f x -> f (f x)

strictSum = foldl (\acc x -> acc `seq` acc + x) 0

io = do
  let xs = [1 .. 3]
  mapM_ print xs
  if null xs then return () else putStrLn "ok"
  r <- return (sum xs)
  print r

greet name = "hi " ++ name

main :: IO ()
main = do
  print (vsum [V2 1 2, V2 3 4])
  print (map area [Circle 1, Rect 2 3], Circle 1 < Rect 1 1)
  mapM_ (putStrLn . classify) [-1, 0, 1, 2, 3]
  print (pairs [1 .. 6], lazyPair undefined, neg (-1))
  putStrLn (upper (greet "bob"))
  print (sortDesc "hello", count even [1 .. 10], apply (+ 1), twice (* 2) 5)
  print (strictSum [1 .. 100], ['a' .. 'e'], [1.0, 1.5 .. 3.0])
  io
