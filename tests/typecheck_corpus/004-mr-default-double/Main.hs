ratio = 2.5
half = (/ 2)
third = 1 / 3
root = sqrt 2

main :: IO ()
main = do
  print (ratio, half 7, third)
  print root
  print (truncate (ratio * 10) :: Int)
