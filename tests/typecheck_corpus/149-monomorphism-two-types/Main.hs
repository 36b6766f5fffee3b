plus = (+)

main :: IO ()
main = do
  print (plus (1 :: Int) 2)
  print (plus 1.5 (2 :: Double))
