module Main (main) where

-- Classes whose methods are polymorphic in their result (a default value,
-- a neutral element): the instance is chosen by the type the context asks
-- for. Instances with contexts for Maybe, pairs, lists and functions.
class Default a where
  def :: a

instance Default Int where
  def = 0

instance Default Bool where
  def = False

instance Default [a] where
  def = []

instance (Default a, Default b) => Default (a, b) where
  def = (def, def)

class Combine a where
  combine :: a -> a -> a
  neutral :: a

  combineAll :: [a] -> a
  combineAll = foldr combine neutral

newtype Sum = Sum Int
  deriving Show

newtype Max = Max Int
  deriving Show

instance Combine Sum where
  combine (Sum a) (Sum b) = Sum (a + b)
  neutral = Sum 0

instance Combine Max where
  combine (Max a) (Max b) = Max (max a b)
  neutral = Max minBound

instance Combine [a] where
  combine = (++)
  neutral = []

instance Combine a => Combine (Maybe a) where
  combine (Just a) (Just b) = Just (combine a b)
  combine Nothing m = m
  combine m Nothing = m
  neutral = Nothing

instance (Combine a, Combine b) => Combine (a, b) where
  combine (a, b) (c, d) = (combine a c, combine b d)
  neutral = (neutral, neutral)

instance Combine b => Combine (a -> b) where
  combine f g = \x -> combine (f x) (g x)
  neutral = const neutral

class Parse a where
  parse :: String -> Maybe a

instance Parse Bool where
  parse "yes" = Just True
  parse "no" = Just False
  parse _ = Nothing

instance Parse Int where
  parse s
    | not (null s) && all (`elem` "0123456789") s = Just (read s)
    | otherwise = Nothing

orDefault :: Default a => Maybe a -> a
orDefault = maybe def id

main :: IO ()
main = do
  print (def :: Int, def :: Bool, def :: String, def :: (Int, (Bool, [Int])))
  print (combineAll (map Sum [1 .. 10]), combineAll (map Max [3, 9, 2]))
  print (combineAll ["ab", "cd", "ef"], combineAll [Just [1 :: Int], Nothing, Just [2, 3]])
  print (combineAll [(Sum 1, "a"), (Sum 2, "b")])
  print (combineAll [show, \n -> replicate n '!'] (3 :: Int))
  print (neutral :: Max, combine (Just (Sum 1)) neutral)
  print (parse "yes" :: Maybe Bool, parse "42" :: Maybe Int, parse "x" :: Maybe Int)
  print (orDefault (parse "maybe") :: Bool, orDefault (parse "17") :: Int, orDefault (parse "") :: Int)
  let answers = map parse (words "yes no what yes") :: [Maybe Bool]
  print (answers, length [() | Just True <- answers])
