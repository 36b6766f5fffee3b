module Main (main) where

import C

total :: Pair -> Int
total = sumPair

main :: IO ()
main = print (total (mkPair 2 3), Pair)
