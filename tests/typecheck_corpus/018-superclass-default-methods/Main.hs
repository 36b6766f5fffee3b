class Show a => Describe a where
  describe :: a -> String
  describe x = "<" ++ show x ++ ">"
  name :: a -> String
  name _ = "thing"
  full :: a -> String
  full x = name x ++ " " ++ describe x

data Colour = Red | Green deriving Show
data Point = Point Int Int deriving Show

instance Describe Colour where
  name _ = "colour"

instance Describe Point where
  describe (Point x y) = show (x, y)

instance Describe Bool

both x y = full x ++ " / " ++ full y

main :: IO ()
main = do
  putStrLn (full Red)
  putStrLn (full (Point 1 2))
  putStrLn (full True)
  putStrLn (both Green (Point 0 (-1)))
