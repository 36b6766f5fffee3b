main :: IO ()
main = do
  putStrLn "start"
  Just 3
  putStrLn "end"
