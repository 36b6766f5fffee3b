isEven 0 = True
isEven n = isOdd (n - 1)

isOdd 0 = False
isOdd n = isEven (n - 1)

collatz n
  | n == 1 = [1]
  | even n = n : collatz (n `div` 2)
  | otherwise = n : collatz (3 * n + 1)

main :: IO ()
main = do
  print (isEven (10 :: Int), isOdd (7 :: Integer))
  print (map isEven [0 .. 5])
  print (collatz 6)
