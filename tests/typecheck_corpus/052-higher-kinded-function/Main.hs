class Box f where
  wrap :: a -> f a
  unwrapAll :: f a -> [a]

instance Box [] where
  wrap x = [x]
  unwrapAll = id

instance Box Maybe where
  wrap = Just
  unwrapAll = maybe [] (: [])

rewrap x = unwrapAll (wrap x `asTypeOf` Nothing) ++ unwrapAll [x, x]

count :: Box f => f a -> Int
count = length . unwrapAll

main :: IO ()
main = do
  print (rewrap 'q')
  print (count (wrap True :: [Bool]), count (Nothing :: Maybe ()), count (Just 'x'))
