module A where

f :: Int -> Int
