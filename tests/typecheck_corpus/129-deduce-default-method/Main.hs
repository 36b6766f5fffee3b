class Pretty a where
  pretty :: a -> String
  pretty x = "<" ++ show x ++ ">"

instance Pretty Bool

main :: IO ()
main = putStrLn (pretty True)
