default (Double, Integer)

x = 3
y = 7 `div` 2

main :: IO ()
main = do
  print x
  print (x / 2)
  print y
  print (length (show 10))
