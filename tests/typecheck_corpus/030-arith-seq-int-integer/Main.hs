ints :: [Int]
ints = [1 .. 10]

main :: IO ()
main = do
  print ints
  print [10, 8 .. 1 :: Int]
  print (take 5 [7 :: Integer, 14 ..])
  print [5 .. 1 :: Int]
  print (sum [1 .. 100 :: Integer], [2 ^ 62, 2 ^ 62 + 2 ^ 61 .. 2 ^ 63 :: Integer])
  print (take 3 [maxBound - 1 :: Int ..])
