import Data.List

wordFreq :: String -> [(String, Int)]
wordFreq = map (\ws -> (head ws, length ws)) . group . sort . words

main :: IO ()
main = do
  print (wordFreq "b a c a b a")
  print (sortBy (\a b -> compare (snd a) (snd b)) [(1, 'c'), (2, 'a'), (3, 'b')])
  print (nub [3, 1, 3, 2, 1], [1, 2, 3, 4] \\ [2, 4], union [1, 2] [2, 3], intersect "abc" "bcd")
  print (partition even [1 .. 10], splitAt 2 "hello", span (< 3) [1 .. 6])
  print (foldl' (flip (:)) [] "abc", intercalate ", " ["x", "y", "z"], transpose ["abc", "de"])
  print (isPrefixOf "ab" "abc", isSuffixOf "bc" "abc", isInfixOf "zz" "abc")
  print (insert 3 [1, 2, 4, 5], tails [1, 2], inits "ab", subsequences [1, 2, 3])
  print (zip3 [1, 2] "ab" [True, False], unzip [(1, 'a'), (2, 'b')], lookup 2 [(1, "one"), (2, "two")])
