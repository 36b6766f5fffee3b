data Tree a = Leaf | Node (Tree a) a (Tree a)
data Pair a b = Pair a b

instance Show a => Show (Tree a) where
  showsPrec _ Leaf = showString "."
  showsPrec d (Node l x r) = showParen (d > 10) (showString "Node " . showsPrec 11 l
    . showChar ' ' . showsPrec 11 x . showChar ' ' . showsPrec 11 r)

instance (Eq a, Eq b) => Eq (Pair a b) where
  Pair a b == Pair c d = a == c && b == d

instance (Show a, Show b) => Show (Pair a b) where
  show (Pair a b) = "<" ++ show a ++ "|" ++ show b ++ ">"

singleton x = Node Leaf x Leaf

main :: IO ()
main = do
  print (Node (singleton (-1)) 2 Leaf)
  print (Just (singleton "x"))
  print (Pair 1 'c' == Pair 1 'c', Pair True "a" /= Pair True "b")
  print [Pair (Just 3) [Leaf, singleton ()]]
