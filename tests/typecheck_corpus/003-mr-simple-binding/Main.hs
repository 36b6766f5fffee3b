n = 3
plus = (+)
big = 2 ^ 70
square x = x * x

main :: IO ()
main = do
  print (plus n 4)
  print big
  print (square (1.5 :: Double), square n)
