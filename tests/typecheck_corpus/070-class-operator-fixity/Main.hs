class Combine a where
  infixr 6 <+>
  (<+>) :: a -> a -> a
  neutral :: a

instance Combine [b] where
  (<+>) = (++)
  neutral = []

newtype MaxI = MaxI Int deriving Show

instance Combine MaxI where
  MaxI a <+> MaxI b = MaxI (max a b)
  neutral = MaxI minBound

combineAll [] = neutral
combineAll (x : xs) = x <+> combineAll xs

main :: IO ()
main = do
  print ("ab" <+> "cd" <+> neutral)
  print (combineAll [MaxI 3, MaxI 9, MaxI (-2)])
  print (combineAll [[1], [2, 3 :: Int]])
