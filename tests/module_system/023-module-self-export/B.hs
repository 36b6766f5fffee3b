module B (module B) where

double :: Int -> Int
double n = n * 2

name :: String
name = "B"
