module Main (main) where

import Prelude hiding (map)

map :: (a -> a) -> [a] -> [a]
map f xs = [f (f x) | x <- xs]

main :: IO ()
main = print (map (+ 1) [1, 2, 3 :: Int])
