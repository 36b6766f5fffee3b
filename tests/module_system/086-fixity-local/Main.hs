module Main (main) where

calc :: Int -> Int -> Int -> Int
calc a b c = a |- b |- c
  where
    infixr 5 |-
    x |- y = x - y

main :: IO ()
main = do
  print (calc 10 3 2)
  let infixr 0 +++
      x +++ y = x ++ "(" ++ y ++ ")"
  putStrLn ("a" +++ "b" +++ "c")
