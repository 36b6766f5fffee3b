module Main (main) where

-- head of an empty list fails at run time with the Prelude's message.
firstWord :: String -> String
firstWord = head . words

main :: IO ()
main = do
  putStrLn (firstWord "hello world")
  putStrLn (firstWord "   ")
  putStrLn "never printed"
