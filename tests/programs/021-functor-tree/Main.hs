module Main (main) where

-- Higher-kinded classes: a user Functor instance for a tree, a user class
-- over type constructors with instances for [], Maybe and the tree, and
-- fmap over the Prelude's Maybe, Either, pairs and functions.
data Tree a = Leaf | Node (Tree a) a (Tree a)
  deriving Show

instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)

data Rose a = Rose a [Rose a]
  deriving Show

instance Functor Rose where
  fmap f (Rose a kids) = Rose (f a) (map (fmap f) kids)

class Container f where
  empty :: f a
  insert :: a -> f a -> f a
  toL :: f a -> [a]

instance Container [] where
  empty = []
  insert = (:)
  toL = id

instance Container Maybe where
  empty = Nothing
  insert x _ = Just x
  toL = maybe [] (: [])

instance Container Tree where
  empty = Leaf
  insert x t = Node Leaf x t
  toL Leaf = []
  toL (Node l x r) = toL l ++ [x] ++ toL r

fill :: Container f => [a] -> f a
fill = foldr insert empty

fromList :: Ord a => [a] -> Tree a
fromList = foldr ins Leaf
  where
    ins x Leaf = Node Leaf x Leaf
    ins x t@(Node l y r)
      | x < y = Node (ins x l) y r
      | x > y = Node l y (ins x r)
      | otherwise = t

depth :: Rose a -> Int
depth (Rose _ []) = 1
depth (Rose _ ks) = 1 + maximum (map depth ks)

main :: IO ()
main = do
  let t = fromList [4, 2, 6, 1, 3 :: Int]
  print t
  print (fmap (* 10) t)
  print (fmap show t)
  print (toL (fmap even t))
  print ('x' <$ Node Leaf 1 (Node Leaf (2 :: Int) Leaf))
  let r = Rose 1 [Rose 2 [Rose 4 []], Rose (3 :: Int) []]
  print (fmap (+ 100) r, depth r)
  print (toL (fill "abc" :: [Char]), toL (fill "abc" :: Maybe Char), toL (fill "abc" :: Tree Char))
  print (fmap (+ 1) (Just 3 :: Maybe Int), fmap (+ 1) (Nothing :: Maybe Int))
  print (fmap length (Right "four" :: Either Int String), fmap length (Left 4 :: Either Int String))
  print (fmap not ('p', True))
  print ((fmap (+ 1) (* 2)) (5 :: Int), ((+ 1) <$> [1, 2, 3 :: Int]))
  print (fmap (fmap negate) [Just 1, Nothing, Just (3 :: Int)])
