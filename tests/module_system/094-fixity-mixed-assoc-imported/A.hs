module A ((+++), (-:-)) where

infixl 5 +++
infixr 5 -:-

(+++) :: Int -> Int -> Int
a +++ b = a + b

(-:-) :: Int -> Int -> Int
a -:- b = a - b
