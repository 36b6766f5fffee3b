type Name = String

class Greet a where
  greet :: a -> String

instance Greet Name where
  greet n = "hi " ++ n

main :: IO ()
main = putStrLn (greet "x")
