display = show

main :: IO ()
main = do
  putStrLn (display (1 :: Int))
  putStrLn (display True)
