module Main (main) where

-- A user-defined State monad (a newtype with Functor, Applicative and Monad
-- instances) used to number a tree, run a stack machine and generate
-- pseudo-random numbers.
newtype State s a = State (s -> (a, s))

runState :: State s a -> s -> (a, s)
runState (State f) = f

instance Functor (State s) where
  fmap f (State g) = State $ \s -> let (a, s') = g s in (f a, s')

instance Applicative (State s) where
  pure a = State $ \s -> (a, s)
  State f <*> State g = State $ \s ->
    let (h, s1) = f s
        (a, s2) = g s1
     in (h a, s2)

instance Monad (State s) where
  return = pure
  State g >>= f = State $ \s -> let (a, s1) = g s in runState (f a) s1

get :: State s s
get = State $ \s -> (s, s)

put :: s -> State s ()
put s = State $ \_ -> ((), s)

modify :: (s -> s) -> State s ()
modify f = get >>= put . f

evalState :: State s a -> s -> a
evalState m s = fst (runState m s)

execState :: State s a -> s -> s
execState m s = snd (runState m s)

data Tree a = Leaf | Node (Tree a) a (Tree a)
  deriving Show

fresh :: State Int Int
fresh = do
  n <- get
  put (n + 1)
  return n

label :: Tree a -> State Int (Tree (Int, a))
label Leaf = return Leaf
label (Node l x r) = do
  l' <- label l
  n <- fresh
  r' <- label r
  return (Node l' (n, x) r')

data Instr = Push Int | Pop | AddI | MulI | Dup
  deriving Show

step :: Instr -> State [Int] ()
step (Push n) = modify (n :)
step Pop = modify tail
step AddI = binop (+)
step MulI = binop (*)
step Dup = do
  ~(x : xs) <- get
  put (x : x : xs)

binop :: (Int -> Int -> Int) -> State [Int] ()
binop f = do
  stack <- get
  case stack of
    (a : b : rest) -> put (f b a : rest)
    _ -> return ()

-- A linear congruential generator threaded through the state.
nextRand :: State Int Int
nextRand = do
  s <- get
  let s' = (s * 1103515245 + 12345) `mod` 2147483648
  put s'
  return (s' `mod` 100)

counter :: State Int [Int]
counter = mapM (\k -> do { modify (+ k); get }) [1 .. 5]

main :: IO ()
main = do
  let tree = Node (Node Leaf 'a' Leaf) 'b' (Node (Node Leaf 'c' Leaf) 'd' Leaf)
  print (evalState (label tree) 100)
  print (runState fresh 7)
  print (execState (mapM_ step [Push 2, Push 3, AddI, Dup, MulI, Push 4, AddI]) [])
  print (evalState (sequence (replicate 8 nextRand)) 42)
  print (runState counter 0)
  print (evalState (fmap (* 2) fresh) 20, evalState ((+) <$> fresh <*> fresh) 5)
  print (execState (pure 'x' >> modify (* 3)) 4)
