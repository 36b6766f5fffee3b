data Pair a b = Pair a b deriving (Eq, Ord, Show)
data Tree a = Leaf | Node (Tree a) a (Tree a) deriving (Eq, Show)
data Phantom a = Phantom deriving (Eq, Show)
newtype Id a = Id a deriving (Eq, Ord, Show)

main :: IO ()
main = do
  print (Pair 1 'a' < Pair 1 'b', Pair "x" True)
  print (Node Leaf (Id 3) Leaf == Node Leaf (Id 3) Leaf)
  print (Phantom :: Phantom (Int -> Int))
  print (compare (Id [1, 2]) (Id [1]), Id (Just (-2)))
