checked :: Int -> Int
checked n
  | n < 0 = error ("negative: " ++ show n)
  | otherwise = n * 2

main :: IO ()
main = do
  print (checked 4)
  putStrLn "before"
  print (checked (-3))
  putStrLn "never printed"
