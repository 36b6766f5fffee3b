default (Int)

big = 2 ^ 64
n = 7

main :: IO ()
main = do
  print big
  print (2 ^ 63)
  print (n `div` 2, maxBound `asTypeOf` n)
