module Main (main) where

-- Type synonyms (plain and parameterised) and newtypes: derived instances
-- on newtypes, a newtype record with its selector, a hand-written Num
-- instance for a newtype, and instances that tell newtypes apart.
type Name = String
type Point = (Double, Double)
type Table k v = [(k, v)]
type Pred a = a -> Bool

newtype Age = Age Int
  deriving (Show, Eq, Ord)

newtype Meters = Meters Double
  deriving (Show, Eq, Ord)

instance Num Meters where
  Meters a + Meters b = Meters (a + b)
  Meters a * Meters b = Meters (a * b)
  abs (Meters a) = Meters (abs a)
  signum (Meters a) = Meters (signum a)
  negate (Meters a) = Meters (negate a)
  fromInteger n = Meters (fromInteger n)

newtype Wrapper a = Wrapper { unwrap :: a }
  deriving Show

newtype Celsius = Celsius Double
newtype Fahrenheit = Fahrenheit Double

class Temperature t where
  toKelvin :: t -> Double

instance Temperature Celsius where
  toKelvin (Celsius c) = c + 273.15

instance Temperature Fahrenheit where
  toKelvin (Fahrenheit f) = (f - 32) * 5 / 9 + 273.15

distance :: Point -> Point -> Double
distance (x1, y1) (x2, y2) = sqrt ((x2 - x1) ^ (2 :: Int) + (y2 - y1) ^ (2 :: Int))

lookupAll :: Eq k => Table k v -> k -> [v]
lookupAll t k = [v | (k', v) <- t, k' == k]

phoneBook :: Table Name Int
phoneBook = [("ann", 123), ("bob", 456), ("ann", 789)]

keep :: Pred a -> [a] -> [a]
keep = filter

greeting :: Name -> String
greeting n = "hello, " ++ n

main :: IO ()
main = do
  print (distance (0, 0) (3, 4), distance (1, 1) (2, 2))
  print (lookupAll phoneBook "ann", lookupAll phoneBook "cy")
  print (keep even [1 .. 10 :: Int])
  putStrLn (greeting "world")
  print (Age 3 < Age 5, maximum [Age 3, Age 9, Age 1], Age 4 == Age 4)
  print (Meters 1.5 + 2, sum [Meters 1, Meters 2.25], Meters 3 * negate 2)
  print (Wrapper (Just 3 :: Maybe Int), unwrap (Wrapper 'q'))
  print (fmap unwrap [Wrapper True, Wrapper False])
  print (toKelvin (Celsius 100), toKelvin (Fahrenheit 212), toKelvin (Celsius (-273.15)))
  print [Just (Age (-1))]
