module Main where

import X (build)
import Y (total)
import Z (measure)

main :: IO ()
main = do
  print (measure (build 4))
  print (total 10)
