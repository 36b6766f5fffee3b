newtype Logger a = Logger (a, [String])

runLogger :: Logger a -> (a, [String])
runLogger (Logger p) = p

instance Functor Logger where
  fmap f (Logger (a, w)) = Logger (f a, w)

instance Applicative Logger where
  pure a = Logger (a, [])
  Logger (f, w1) <*> Logger (a, w2) = Logger (f a, w1 ++ w2)

instance Monad Logger where
  Logger (a, w) >>= k = let Logger (b, w') = k a in Logger (b, w ++ w')

tell s = Logger ((), [s])

step x = do
  tell ("saw " ++ show x)
  return (x * 2)

main :: IO ()
main = do
  let (r, logs) = runLogger (mapM step [1, 2, 3 :: Int])
  print r
  mapM_ putStrLn logs
  print (runLogger (step 2.5))
