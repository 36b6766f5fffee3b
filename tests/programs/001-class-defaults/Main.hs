module Main (main) where

-- A class with a superclass and default methods. Colour overrides `name` and
-- keeps the default `describe`; Point overrides `describe` and keeps the default
-- `name`; Bool keeps every default. `loud` is a default defined with the others.
class Show a => Describable a where
  describe :: a -> String
  describe x = "<" ++ show x ++ ">"

  name :: a -> String
  name _ = "thing"

  loud :: a -> String
  loud x = name x ++ "! " ++ describe x

data Colour = Red | Green | Blue
  deriving (Show, Eq)

data Point = Point Int Int
  deriving Show

instance Describable Colour where
  name _ = "colour"

instance Describable Point where
  describe (Point x y) = "point at " ++ show x ++ "," ++ show y

instance Describable Bool

-- Mutually defined defaults, as in Eq: an instance defines one of the two.
class Same a where
  same, different :: a -> a -> Bool
  same x y = not (different x y)
  different x y = not (same x y)

instance Same Colour where
  same a b = a == b

instance Same Int where
  different a b = a /= b

-- The superclass is available through the subclass constraint alone.
both :: Describable a => a -> String
both x = show x ++ " | " ++ describe x

-- A subclass of a user class, with a default that uses the superclass method.
class Describable a => Fancy a where
  fancy :: a -> String
  fancy x = "*** " ++ loud x ++ " ***"

instance Fancy Colour
instance Fancy Point where
  fancy p = "~ " ++ describe p ++ " ~"

main :: IO ()
main = do
  putStrLn (loud Red)
  putStrLn (loud (Point 1 (-2)))
  putStrLn (loud True)
  putStrLn (both Blue)
  putStrLn (both (Point 0 0))
  print (same Red Red, different Red Green)
  print (same (3 :: Int) 3, different (3 :: Int) 4)
  putStrLn (fancy Green)
  putStrLn (fancy (Point 5 6))
  mapM_ (putStrLn . describe) [Red, Green, Blue]
