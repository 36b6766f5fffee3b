main :: IO ()
main = do
  print ['a' .. 'j']
  print ['a', 'c' .. 'k']
  print [0.1, 0.2 .. 0.5 :: Double]
  print [1.0 .. 3.5 :: Double]
  print [1, 1.5 .. 3]
  print (take 3 ['x' ..])
  print [10, 7.5 .. 0 :: Double]
