main :: IO ()
main = do
  n <- readLn :: IO Int
  nums <- mapM (const (fmap read getLine)) [1 .. n]
  print (sum nums :: Integer)
  name <- getLine
  putStrLn ("hello, " ++ name ++ "!")
