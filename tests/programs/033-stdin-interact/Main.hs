module Main (main) where

import Data.Char (toUpper)

-- interact: the whole program is a function from the input to the output;
-- each line is numbered, upper-cased and reversed, then a summary follows.
process :: String -> String
process input = unlines (zipWith line [1 :: Int ..] ls ++ [summary])
  where
    ls = lines input
    line i l = show i ++ ": [" ++ map toUpper l ++ "] [" ++ reverse l ++ "]"
    summary =
      show (length ls) ++ " lines, " ++ show (length (words input)) ++ " words, "
        ++ show (length input) ++ " characters"

main :: IO ()
main = interact process
