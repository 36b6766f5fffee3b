class Describe a where
  describe :: a -> String

instance Describe () where
  describe () = "unit"

instance Describe Bool where
  describe b = if b then "yes" else "no"

instance (Describe a, Describe b) => Describe (a, b) where
  describe (a, b) = "(" ++ describe a ++ " & " ++ describe b ++ ")"

instance Describe a => Describe [a] where
  describe xs = "[" ++ concatMap describe xs ++ "]"

instance Describe (a -> b) where
  describe _ = "<function>"

instance Describe a => Describe (Maybe a) where
  describe Nothing = "nothing"
  describe (Just x) = "just " ++ describe x

main :: IO ()
main = do
  putStrLn (describe ((), True))
  putStrLn (describe [Just True, Nothing])
  putStrLn (describe (not, [()]))
