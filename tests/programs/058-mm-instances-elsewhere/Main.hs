module Main (main) where

import Data.List (sort)
import Instances ()
import Types

-- Instances defined in a third module, imported with an empty import
-- list: only the instances come into scope. Non-ASCII output (UTF-8).
main :: IO ()
main = do
  let h = hand [Card 12 Spades, Card 1 Hearts, Card 7 Spades, Card 13 Hearts]
  print h
  print (sort (cards h))
  print (maximum (cards h), Card 7 Spades == Card 7 Spades, Hearts < Spades)
  print (Just (Card 11 Hearts))
  putStrLn (concatMap show [Hearts, Spades])
