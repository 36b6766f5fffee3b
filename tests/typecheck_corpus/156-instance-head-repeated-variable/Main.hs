class Same a where
  same :: a -> Bool

instance Same (Either a a) where
  same _ = True

main :: IO ()
main = print (same (Left 'x' :: Either Char Char))
