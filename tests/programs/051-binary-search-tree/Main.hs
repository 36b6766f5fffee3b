module Main (main) where

-- A binary search tree: insert, member, toList (in order), delete, size,
-- height, minimum, a fold, and building from a list.
data BST a = Empty | Node (BST a) a (BST a)
  deriving Show

insert :: Ord a => a -> BST a -> BST a
insert x Empty = Node Empty x Empty
insert x t@(Node l v r) = case compare x v of
  LT -> Node (insert x l) v r
  GT -> Node l v (insert x r)
  EQ -> t

member :: Ord a => a -> BST a -> Bool
member _ Empty = False
member x (Node l v r)
  | x < v = member x l
  | x > v = member x r
  | otherwise = True

toList :: BST a -> [a]
toList t = go t []
  where
    go Empty acc = acc
    go (Node l v r) acc = go l (v : go r acc)

fromList :: Ord a => [a] -> BST a
fromList = foldl (flip insert) Empty

size :: BST a -> Int
size Empty = 0
size (Node l _ r) = size l + 1 + size r

height :: BST a -> Int
height Empty = 0
height (Node l _ r) = 1 + max (height l) (height r)

findMin :: BST a -> Maybe a
findMin Empty = Nothing
findMin (Node Empty v _) = Just v
findMin (Node l _ _) = findMin l

delete :: Ord a => a -> BST a -> BST a
delete _ Empty = Empty
delete x (Node l v r)
  | x < v = Node (delete x l) v r
  | x > v = Node l v (delete x r)
  | otherwise = case (l, r) of
      (Empty, _) -> r
      (_, Empty) -> l
      _ -> let Just m = findMin r in Node l m (delete m r)

foldTree :: (b -> a -> b -> b) -> b -> BST a -> b
foldTree _ z Empty = z
foldTree f z (Node l v r) = f (foldTree f z l) v (foldTree f z r)

main :: IO ()
main = do
  let t = fromList [50, 30, 70, 20, 40, 60, 80, 35, 45, 65 :: Int]
  print (toList t)
  print (map (`member` t) [35, 36, 80, 10])
  print (size t, height t, findMin t)
  print (toList (delete 30 t), toList (delete 50 t), toList (delete 99 t))
  print (foldTree (\a v b -> a + v + b) 0 t, foldTree (\a _ b -> 1 + max a b) (0 :: Int) t)
  print (fromList "haskell")
  print (toList (fromList (words "the quick brown fox jumps over the lazy dog")))
  print (height (fromList [1 .. 20 :: Int]), height (fromList [10, 5, 15, 3, 7, 12, 18 :: Int]))
  print (findMin (Empty :: BST Int), toList (insert 1 Empty :: BST Int))
