module Main (main) where

-- defaulting (Report 4.3.4) and the monomorphism restriction's Rule 2
half = 0.5

three = 3

ratio = three / 2

big = 2 ^ 70

squares = [n * n | n <- [1 .. 5]]

plus = (+)

main :: IO ()
main = do
  print (half, ratio, big)
  print squares
  print (plus 2 3)
  print (fromIntegral (length squares) * half)
