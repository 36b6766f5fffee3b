sq x = x * x
sq' = \x -> x * x
addAll = foldr (+) 0
total :: [Double] -> Double
total = foldr (+) 0

main :: IO ()
main = do
  print (sq (3 :: Int), sq 2.5)
  print (sq' 12345678901)
  print (addAll [1, 2, 3], total [0.5, 0.25])
