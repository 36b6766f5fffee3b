module Main (main) where

f :: Maybe Int -> Int
f m = case m of
  Just v -> v
  Nothing -> v + 1

main :: IO ()
main = print (f Nothing)
