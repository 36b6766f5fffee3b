module A (minus) where

infixr 5 `minus`

minus :: Int -> Int -> Int
minus a b = a - b
