data Two a b = Two a b deriving Show

instance Functor (Two a) where
  fmap f (Two a b) = Two a (f b)

main :: IO ()
main = do
  print (fmap (+ 1) (Two "tag" 1))
  print ((fmap (* 2) (+ 10)) 1)
  print (fmap length ("left", "right"))
  print (fmap not (Right False :: Either String Bool), fmap not (Left "e" :: Either String Bool))
  print ((+ 1) <$> [1, 2, 3], 'x' <$ Just 'y')
