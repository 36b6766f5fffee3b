data Tree a = Leaf | Node (Tree a) a (Tree a) deriving Show

instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)

fromList :: Ord a => [a] -> Tree a
fromList = foldr insert Leaf
  where
    insert x Leaf = Node Leaf x Leaf
    insert x t@(Node l y r)
      | x < y = Node (insert x l) y r
      | x > y = Node l y (insert x r)
      | otherwise = t

toList Leaf = []
toList (Node l x r) = toList l ++ [x] ++ toList r

main :: IO ()
main = do
  let t = fromList [3, 1, 2 :: Int]
  print t
  print (fmap show t)
  print (toList (fmap (* 10) t))
  print (toList ((> 1) <$> t))
