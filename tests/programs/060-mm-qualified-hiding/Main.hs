module Main (main) where

import Prelude hiding (filter, lookup)
import qualified Prelude as P
import qualified Data.List as L
import Data.Char hiding (toUpper)
import Utils (Assoc, filter, fromPairs, lookup)
import qualified Utils as U

-- Imports of every shape: Prelude hiding names that Utils provides, the
-- Prelude again qualified as P, Data.List qualified as L (its insert would
-- clash with Utils'), Data.Char hiding one name, Utils both with an import
-- list and qualified as U.
toUpper :: Char -> Char
toUpper c = if isLower c then chr (ord c - 32) else c

ages :: Assoc String Int
ages = fromPairs [("ann", 31), ("bob", 12), ("cy", 45), ("ann", 99)]

main :: IO ()
main = do
  print ages
  print (lookup "ann" ages, lookup "dee" ages, U.lookup "cy" ages)
  print (filter (> 20) ages)
  print (U.insert "dee" 7 ages)
  print (P.lookup 2 [(1, "one"), (2, "two")], P.filter even [1 .. 10 :: Int])
  print (L.insert 3 [1, 2, 4, 5 :: Int], L.sort (U.keys ages))
  putStrLn (map toUpper "own toUpper" ++ " / " ++ U.shout "utils shout")
  print (map isDigit "a1", L.nub (U.keys (U.insert "bob" 1 ages)))
