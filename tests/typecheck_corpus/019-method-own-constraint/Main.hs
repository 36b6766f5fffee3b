class Container f where
  empty :: f a
  insert :: a -> f a -> f a
  toL :: f a -> [a]
  member :: Eq a => a -> f a -> Bool
  member x c = x `elem` toL c
  summary :: Show a => f a -> String
  summary c = unwords (map show (toL c))

newtype Stack a = Stack [a]
data Queue a = Queue [a] [a]

instance Container Stack where
  empty = Stack []
  insert x (Stack xs) = Stack (x : xs)
  toL (Stack xs) = xs

instance Container Queue where
  empty = Queue [] []
  insert x (Queue f b) = Queue f (x : b)
  toL (Queue f b) = f ++ reverse b
  member x (Queue f b) = x `elem` f || x `elem` b

fill [] = empty
fill (x : xs) = insert x (fill xs)

main :: IO ()
main = do
  let s = fill [1, 2, 3] :: Stack Int
      q = fill "abc" :: Queue Char
  putStrLn (summary s)
  putStrLn (summary q)
  print (member 2 s, member 'z' q)
