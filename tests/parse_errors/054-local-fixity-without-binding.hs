module Main (main) where

f :: Int -> Int
f n = n +++ 1
  where
    infixl 6 +++
    a +.+ b = a + b

main :: IO ()
main = print (f 1)
