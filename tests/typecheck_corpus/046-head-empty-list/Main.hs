firstWord :: String -> String
firstWord = head . words

main :: IO ()
main = do
  putStrLn (firstWord "hello world")
  putStrLn (firstWord "   ")
