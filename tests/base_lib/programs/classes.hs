-- User instances of base's classes, relying on their default methods.
data V2 = V2 Int Int

instance Eq V2 where
  V2 a b == V2 c d = a == c && b == d

instance Ord V2 where
  compare (V2 a b) (V2 c d) = compare (a * a + b * b) (c * c + d * d)

instance Show V2 where
  showsPrec d (V2 a b) = showParen (d > 6) (showsPrec 7 a . showString " :+ " . showsPrec 7 b)

instance Num V2 where
  V2 a b + V2 c d = V2 (a + c) (b + d)
  V2 a b * V2 c d = V2 (a * c - b * d) (a * d + b * c)
  negate (V2 a b) = V2 (negate a) (negate b)
  abs v = v
  signum _ = V2 1 0
  fromInteger n = V2 (fromInteger n) 0

data Tree a = Leaf | Node (Tree a) a (Tree a)

instance Show a => Show (Tree a) where
  showsPrec _ Leaf = showString "Leaf"
  showsPrec d (Node l x r) = showParen (d > 10)
    (showString "Node " . showsPrec 11 l . showChar ' ' . showsPrec 11 x . showChar ' ' . showsPrec 11 r)

instance Functor Tree where
  fmap _ Leaf = Leaf
  fmap f (Node l x r) = Node (fmap f l) (f x) (fmap f r)

insertT :: Ord a => a -> Tree a -> Tree a
insertT x Leaf = Node Leaf x Leaf
insertT x t@(Node l y r) = case compare x y of
  LT -> Node (insertT x l) y r
  GT -> Node l y (insertT x r)
  EQ -> t

toList :: Tree a -> [a]
toList Leaf = []
toList (Node l x r) = toList l ++ [x] ++ toList r

data Colour = Red | Green | Blue

instance Show Colour where
  show Red = "Red"
  show Green = "Green"
  show Blue = "Blue"

instance Eq Colour where
  a == b = fromEnum a == fromEnum b

instance Enum Colour where
  fromEnum Red = 0
  fromEnum Green = 1
  fromEnum Blue = 2
  toEnum 0 = Red
  toEnum 1 = Green
  toEnum _ = Blue

instance Bounded Colour where
  minBound = Red
  maxBound = Blue

instance Read Colour where
  readsPrec _ s = [(c, r) | (w, r) <- lex s, c <- [Red, Green, Blue], show c == w]

class Shape a where
  area :: a -> Double
  name :: a -> String
  name _ = "shape"
  describe :: a -> String
  describe x = name x ++ " of area " ++ show (area x)

newtype Square = Square Double

instance Shape Square where
  area (Square s) = s * s
  name _ = "square"

newtype Blob = Blob Double

instance Shape Blob where
  area (Blob a) = a

main :: IO ()
main = do
  let v = V2 3 4
  print (v, v + 1, v * v, v - V2 1 1, negate v, [v, 2], Just (V2 (-1) 2))
  print (v < V2 5 0, v <= V2 5 0, max v (V2 0 6), min v (V2 0 6), compare v 3, v /= v)
  print (sum [V2 1 1, V2 2 2], product [V2 0 1, V2 0 1])
  let t = foldr insertT Leaf [5, 2, 8, 1, 9, 3 :: Int]
  print t
  print (toList t, toList (fmap (* 10) t), fmap show (Node Leaf 'x' Leaf), (+ 1) <$> Node Leaf (1 :: Int) Leaf)
  print (succ Red, pred Blue, take 4 (enumFrom Green), enumFromTo Red Blue, enumFromThenTo Red Blue Blue, enumFromTo minBound maxBound :: [Colour])
  print (read "Blue" :: Colour, read "[Red,Green]" :: [Colour], read "(Green,Blue)" :: (Colour, Colour))
  print (map fromEnum [Red, Blue], Red == Red, Red /= Blue, lookup Green (zip [Red, Green, Blue] "rgb"))
  putStrLn (describe (Square 2))
  putStrLn (describe (Blob 1.5))
