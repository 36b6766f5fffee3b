module Main (main) where

infixl 10 +++

(+++) :: Int -> Int -> Int
a +++ b = a + b

main :: IO ()
main = print (1 +++ 2)
