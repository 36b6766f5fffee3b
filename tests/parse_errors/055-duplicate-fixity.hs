module Main (main) where

infixl 6 +++
infixr 6 +++

(+++) :: Int -> Int -> Int
a +++ b = a + b

main :: IO ()
main = print (1 +++ 2)
