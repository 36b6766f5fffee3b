module A where

import B

f :: Int -> Int
f x = g x + 1
