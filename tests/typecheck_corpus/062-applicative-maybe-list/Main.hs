import Control.Applicative (liftA2)

addM x y = liftA2 (+) x y

main :: IO ()
main = do
  print ((+) <$> Just 3 <*> Just 4, (+) <$> Nothing <*> Just 4)
  print ((,) <$> [1, 2] <*> "ab")
  print (pure 5 :: [Int], pure 'p' :: Maybe Char)
  print (Just 1 *> Just 2, Just 1 <* Just 2, [1, 2] <* "xyz")
  print (addM (Just 1) (Just 2), addM [1, 2] [10, 20])
