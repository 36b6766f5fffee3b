module Main (main) where

data Tree a = Leaf | Node (Tree a) a (Tree a)

instance Show a => Show (Tree a) where
  showsPrec _ Leaf = showString "Leaf"
  showsPrec d (Node l x r) = showParen (d > 10) (showString "Node " . showsPrec 11 l . showChar ' ' . showsPrec 11 x . showChar ' ' . showsPrec 11 r)

instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)

class Container f where
  empty :: f a
  insert :: Ord a => a -> f a -> f a
  toL :: f a -> [a]

instance Container Tree where
  empty = Leaf
  insert x Leaf = Node Leaf x Leaf
  insert x t@(Node l y r) = if x < y then Node (insert x l) y r else Node l y (insert x r)
  toL Leaf = []
  toL (Node l x r) = toL l ++ [x] ++ toL r

fromL xs = foldr insert empty (xs ++ [])

safeDiv :: Int -> Int -> Maybe Int
safeDiv _ 0 = Nothing
safeDiv a b = Just (a `div` b)

calc a b c = do
  x <- safeDiv a b
  y <- safeDiv x c
  return (x + y)

eitherTest n = if n > 0 then Right n else Left ("bad: " ++ show n)

collatz :: Int -> [Int]
collatz 1 = [1]
collatz n
  | even n = n : collatz (n `div` 2)
  | otherwise = n : collatz (3 * n + 1)

outer x = inner x + helper
  where
    inner y = y * factor
    factor = 2
    helper = length (show x)

fibs = 0 : 1 : zipWith (+) fibs (tail fibs)

primes = sieve [2 ..] where sieve (p : xs) = p : sieve [x | x <- xs, x `mod` p /= 0]

memo = (map fib [0 ..] !!)
  where fib 0 = 0
        fib 1 = 1
        fib n = memo (n - 1) + memo (n - 2)

poly :: (Show a, Num a) => a -> String
poly x = show (x + 1)

useLocal = let k = 3 in (k + 1, k * 2.5)

main :: IO ()
main = do
  print (fmap (+ 1) (fromL [3, 1, 2 :: Int] :: Tree Int))
  print (toL (fromL "tree" :: Tree Char))
  print (calc 100 5 2, calc 1 0 2)
  print (map eitherTest [1, -1])
  print (collatz 6, outer 5, take 10 fibs, take 5 primes, memo 20)
  putStrLn (poly (3 :: Int))
  print useLocal
