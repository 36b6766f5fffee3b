module Main (main) where

import Data.List (sort, sortBy, insert)

-- Derived Eq and Ord: constructor order first, then fields left to right;
-- for parameterised and recursive types too.
data Shape = Circle Int | Rect Int Int | Triangle Int Int Int
  deriving (Eq, Ord, Show)

data Tree a = Leaf | Node (Tree a) a (Tree a)
  deriving (Eq, Ord, Show)

data Version = Version [Int] String
  deriving (Eq, Ord, Show)

data Priority = Low | Medium | High
  deriving (Eq, Ord, Show)

data Task = Task Priority String
  deriving (Eq, Ord, Show)

byName :: Task -> Task -> Ordering
byName (Task _ a) (Task _ b) = compare a b

main :: IO ()
main = do
  print (Circle 5 == Circle 5, Circle 5 == Circle 6, Circle 9 /= Rect 1 1)
  print (compare (Circle 100) (Rect 1 1), compare (Rect 2 3) (Rect 2 1))
  print (sort [Triangle 1 2 3, Circle 3, Rect 2 2, Circle 1, Rect 1 5, Triangle 1 1 9])
  print (maximum [Rect 1 2, Circle 50, Rect 1 3], minimum [Rect 1 2, Triangle 0 0 0])
  let t1 = Node Leaf 3 (Node Leaf 4 Leaf)
      t2 = Node Leaf 3 Leaf
  print (t1 == t2, t1 > t2, compare Leaf t2, max t1 t2 == t1)
  print (sort [Version [1, 2] "b", Version [1, 10] "a", Version [1, 2, 0] "a", Version [] "z"])
  print (Version [2] "x" < Version [10] "x")
  let tasks = [Task Medium "write", Task High "fix", Task Low "nap", Task High "deploy"]
  print (sort tasks)
  print (sortBy byName tasks)
  print (reverse (sort (map (\(Task p _) -> p) tasks)))
  print (insert (Task Medium "review") (sort tasks))
  print (Just 3 > Nothing, [1, 2] < [1, 2, 3 :: Int], (2, 'a') < (2, 'b'))
  print (compare (Left 5 :: Either Int Char) (Right 'a'), max "apple" "apricot")
