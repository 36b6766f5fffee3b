module Main (main) where

main :: IO ()
main = do
    putStrLn "a"
  putStrLn "b"
