module Main (main) where

-- A second user-defined monad: a logger pairing a result with the lines
-- logged so far (a writer over lists), with Functor, Applicative and Monad
-- instances; mapM and sequence through it; and a user Maybe-like monad.
newtype Logger a = Logger (a, [String])

runLogger :: Logger a -> (a, [String])
runLogger (Logger p) = p

instance Functor Logger where
  fmap f (Logger (a, w)) = Logger (f a, w)

instance Applicative Logger where
  pure a = Logger (a, [])
  Logger (f, w1) <*> Logger (a, w2) = Logger (f a, w1 ++ w2)

instance Monad Logger where
  Logger (a, w) >>= f = let Logger (b, w') = f a in Logger (b, w ++ w')

tell :: String -> Logger ()
tell s = Logger ((), [s])

factorial :: Integer -> Logger Integer
factorial 0 = do
  tell "factorial 0 = 1"
  return 1
factorial n = do
  r <- factorial (n - 1)
  let v = n * r
  tell ("factorial " ++ show n ++ " = " ++ show v)
  return v

gcdLog :: Int -> Int -> Logger Int
gcdLog a 0 = tell ("done: " ++ show a) >> return a
gcdLog a b = do
  tell (show a ++ " mod " ++ show b ++ " = " ++ show (a `mod` b))
  gcdLog b (a `mod` b)

data Option a = None | Some a
  deriving Show

instance Functor Option where
  fmap _ None = None
  fmap f (Some a) = Some (f a)

instance Applicative Option where
  pure = Some
  Some f <*> Some a = Some (f a)
  _ <*> _ = None

instance Monad Option where
  None >>= _ = None
  Some a >>= f = f a

safeRoot :: Double -> Option Double
safeRoot x = if x < 0 then None else Some (sqrt x)

main :: IO ()
main = do
  let (v, logLines) = runLogger (factorial 5)
  mapM_ putStrLn logLines
  print v
  let (g, steps) = runLogger (gcdLog 1071 462)
  mapM_ putStrLn steps
  print g
  print (fst (runLogger (mapM (\x -> tell (show x) >> return (x * x)) [1, 2, 3 :: Int])))
  print (snd (runLogger (sequence [tell "a", tell "b" >> tell "c"])))
  print (fmap length (Logger ("abc", ["x"])) `seq` "fmap ok")
  print (safeRoot 16 >>= safeRoot, safeRoot (-1) >>= safeRoot, (+) <$> Some 1 <*> Some (2 :: Int))
  print (do { a <- Some 3; b <- None; return (a + b :: Int) })
