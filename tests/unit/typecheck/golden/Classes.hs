module Main (main) where

-- a class with a superclass and default methods, instances with contexts,
-- higher-kinded classes, deriving
class Show a => Pretty a where
  pretty :: a -> String
  pretty = show
  prettyList :: [a] -> String
  prettyList xs = concatMap pretty xs

data Colour = Red | Green | Blue deriving (Eq, Ord, Show, Enum, Bounded)

data Tree a = Leaf | Node (Tree a) a (Tree a) deriving (Eq, Show)

data Pair a b = Pair { first :: a, second :: b } deriving (Eq, Ord, Show)

instance Pretty Colour where
  pretty c = "<" ++ show c ++ ">"

instance Pretty a => Pretty (Tree a) where
  pretty Leaf = "."
  pretty (Node l x r) = pretty l ++ pretty x ++ pretty r

instance Pretty Int

instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)

insert x Leaf = Node Leaf x Leaf
insert x t@(Node l y r)
  | x < y = Node (insert x l) y r
  | x > y = Node l y (insert x r)
  | otherwise = t

fromList [] = Leaf
fromList (x : xs) = insert x (fromList xs)

size Leaf = 0
size (Node l _ r) = size l + 1 + size r

allColours = [minBound .. maxBound] :: [Colour]

swapPair p = p { first = second p, second = first p }

main :: IO ()
main = do
  putStrLn (prettyList allColours)
  putStrLn (pretty (fmap (* 2) (fromList [3, 1, 2 :: Int])))
  print (size (fromList "hello"), Pair 1 'x' < Pair 1 'y')
  print (swapPair (Pair 'a' 'b'), succ Red, [Red ..])
