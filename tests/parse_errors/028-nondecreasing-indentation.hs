module Main (main) where

main :: IO ()
main = do
  putStrLn "a"
  if True then return () else do
  putStrLn "b"
