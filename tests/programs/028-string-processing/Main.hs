module Main (main) where

import Data.Char (isAlpha, toLower, toUpper)
import Data.List (group, sort)

-- String processing with words, unwords, lines, unlines and list functions:
-- splitting on a separator, replacing, padding, palindromes, word counts.
splitOn :: Char -> String -> [String]
splitOn sep s = case break (== sep) s of
  (chunk, []) -> [chunk]
  (chunk, _ : rest) -> chunk : splitOn sep rest

replace :: String -> String -> String -> String
replace _ _ [] = []
replace old new s@(c : cs)
  | take n s == old = new ++ replace old new (drop n s)
  | otherwise = c : replace old new cs
  where
    n = length old

padLeft, padRight :: Int -> String -> String
padLeft n s = replicate (n - length s) ' ' ++ s
padRight n s = s ++ replicate (n - length s) '.'

isPalindrome :: String -> Bool
isPalindrome s = cleaned == reverse cleaned
  where
    cleaned = map toLower (filter isAlpha s)

titleCase :: String -> String
titleCase = unwords . map cap . words
  where
    cap (c : cs) = toUpper c : cs
    cap [] = []

vowels :: String -> Int
vowels = length . filter (`elem` "aeiouAEIOU")

main :: IO ()
main = do
  let text = "the cat sat on the mat\nthe dog sat on the log\n\nend"
  print (lines text)
  print (map words (lines text))
  print (length (words text), length (lines text))
  putStr (unlines (map (unwords . reverse . words) (lines text)))
  print (lines "trailing\n", lines "a\n\nb", unlines ["x", "y"], unwords ["", "z"])
  print (words "  leading and   trailing  ", words "\ttabs\nand\nnewlines ")
  print (splitOn ',' "a,b,,c", splitOn ',' "")
  putStrLn (replace "the" "a" "the cat and the hat")
  mapM_ (putStrLn . padLeft 8) ["1", "22", "333"]
  mapM_ (\(k, v) -> putStrLn (padRight 10 k ++ v)) [("name", "Ada"), ("language", "Haskell")]
  print (map isPalindrome ["A man, a plan, a canal: Panama", "hello", ""])
  putStrLn (titleCase "haskell is a lazy language")
  print (vowels "Functional Programming")
  let freq = map (\ws -> (head ws, length ws)) (group (sort (words text)))
  print freq
  print (concatMap (\c -> [c, c]) "abc", reverse "stressed", show "nested \"quotes\"")
  print (zipWith (\i l -> show i ++ ": " ++ l) [1 :: Int ..] (lines "first\nsecond"))
