module Main (main) where

import A

main :: IO ()
main = do
  print (map (+ 2 * 3) [1, 2])
  print (map (2 * 3 +) [1, 2])
  print (map (`div` 2) [7, 9])
  print (map (-: 2 -: 1) [10])
  print (map (subtract 1) [1, 2], (- 1) + 5)
