module Main (main) where

import A (Shape(..))

instance Shape Bool where
  area b = if b then 1 else 0

main :: IO ()
main = print (area True, area False)
