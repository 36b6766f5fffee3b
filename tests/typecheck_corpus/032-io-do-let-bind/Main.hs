main :: IO ()
main = do
  let (q, r) = 17 `divMod` 5
      greet s = "hi " ++ s
  (a, b) <- return (q * 2, show r)
  [x, y] <- return "xy"
  putStrLn (greet b)
  print (a, x, y)
  if a > 5
    then do
      let z = a * 10
      print z
    else putStrLn "small"
  result <- mapM (\i -> return (i * i)) [1, 2, 3 :: Int]
  print result
