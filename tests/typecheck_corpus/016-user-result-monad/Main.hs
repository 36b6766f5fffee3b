data Result e a = Failure e | Success a deriving Show

instance Functor (Result e) where
  fmap _ (Failure e) = Failure e
  fmap f (Success a) = Success (f a)

instance Applicative (Result e) where
  pure = Success
  Failure e <*> _ = Failure e
  Success f <*> r = fmap f r

instance Monad (Result e) where
  Failure e >>= _ = Failure e
  Success a >>= k = k a

safeDiv :: Int -> Int -> Result String Int
safeDiv _ 0 = Failure "divide by zero"
safeDiv a b = Success (a `div` b)

calc a b c = do
  x <- safeDiv a b
  y <- safeDiv x c
  return (x + y)

main :: IO ()
main = do
  print (calc 100 5 2)
  print (calc 1 0 2)
  print (fmap length (Success "abc" :: Result Int String))
  print (pure 'x' :: Result () Char)
