module Main (main) where

import B

instance Shape Bool where
  area _ = 1
  label _ = "bool"

main :: IO ()
main = print (area True)
