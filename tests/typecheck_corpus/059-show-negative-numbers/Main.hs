data T = T Int Double deriving Show

main :: IO ()
main = do
  print (Just (-3), [-1, 2], (-1, -2.5))
  print (Left (-1) :: Either Int Int, T (-1) (-0.5))
  print (Just (Just (-2)), showsPrec 11 (-5 :: Int) "", show (negate 7 :: Integer))
  print (minBound :: Int, Just (minBound :: Int))
  print (-0.0 :: Double, Just (-1.0e-2))
