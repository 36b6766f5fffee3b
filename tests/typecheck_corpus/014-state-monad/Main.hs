newtype State s a = State { runState :: s -> (a, s) }

instance Functor (State s) where
  fmap f (State g) = State (\s -> let (a, s') = g s in (f a, s'))

instance Applicative (State s) where
  pure a = State (\s -> (a, s))
  State f <*> State g = State (\s -> let (h, s1) = f s
                                         (a, s2) = g s1
                                     in (h a, s2))

instance Monad (State s) where
  return = pure
  State g >>= k = State (\s -> let (a, s1) = g s in runState (k a) s1)

get = State (\s -> (s, s))
put s = State (\_ -> ((), s))
modify f = get >>= put . f

evalState m s = fst (runState m s)

data Tree a = Leaf a | Branch (Tree a) (Tree a) deriving Show

label (Leaf x) = do
  n <- get
  put (n + 1)
  return (Leaf (n, x))
label (Branch l r) = do
  l' <- label l
  r' <- label r
  return (Branch l' r')

counter :: State Int [Int]
counter = do
  modify (* 2)
  a <- get
  modify (+ 3)
  b <- get
  return [a, b]

main :: IO ()
main = do
  print (evalState (label (Branch (Leaf 'a') (Branch (Leaf 'b') (Leaf 'c')))) 0)
  print (runState counter 5)
  print (runState (fmap show get) 'z')
