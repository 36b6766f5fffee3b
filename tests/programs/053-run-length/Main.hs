module Main (main) where

import Data.Char (isDigit)
import Data.List (group)

-- Run-length encoding: with group, with explicit recursion, to a compact
-- string "3a2b" and back; decoding inverts encoding.
encode :: Eq a => [a] -> [(Int, a)]
encode = map (\g -> (length g, head g)) . group

encode' :: Eq a => [a] -> [(Int, a)]
encode' [] = []
encode' (x : xs) = let (same, rest) = span (== x) xs in (1 + length same, x) : encode' rest

decode :: [(Int, a)] -> [a]
decode = concatMap (uncurry replicate)

compact :: String -> String
compact s = concat [(if n > 1 then show n else "") ++ [c] | (n, c) <- encode s]

expand :: String -> String
expand [] = []
expand s = case span isDigit s of
  ("", c : rest) -> c : expand rest
  (ds, c : rest) -> replicate (read ds) c ++ expand rest
  (_, []) -> []

data Run a = Single a | Multiple Int a
  deriving Show

modified :: Eq a => [a] -> [Run a]
modified = map toRun . encode
  where
    toRun (1, x) = Single x
    toRun (n, x) = Multiple n x

main :: IO ()
main = do
  let s = "aaaabccaadeeeeeeeeeeee"
  print (encode s)
  print (encode s == encode' s, decode (encode s) == s)
  putStrLn (compact s)
  putStrLn (expand (compact s))
  print (expand "12x3yz", compact "", compact "abc")
  print (modified "aaabccd")
  print (encode [1, 1, 2, 3, 3, 3 :: Int], decode [(3, True), (1, False)])
  print (all (\t -> expand (compact t) == t) ["", "a", "zzzzzzzzzzzzzzzz", "abba", "mississippi"])
