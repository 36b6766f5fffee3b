factorial :: Integer -> Integer
factorial n = product [1 .. n]

main :: IO ()
main = do
  print (factorial 25, 2 ^ 100)
  print ((-7) `div` 2, (-7) `mod` 2, (-7) `quot` 2, (-7) `rem` 2)
  print (7 `divMod` (-2), 7 `quotRem` (-2))
  print (gcd 12 18, lcm 4 6, 10 ^ 20 `div` 3)
  print (fromIntegral (2 ^ 63 :: Integer) :: Int)
