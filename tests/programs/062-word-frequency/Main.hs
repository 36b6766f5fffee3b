module Main (main) where

import Data.Char (isAlpha, toLower)
import Data.List (group, sort, sortBy)
import Data.Ord (comparing)

-- Word frequencies of the text on stdin: words normalised to lower case
-- letters, counted with sort and group, ordered by count (descending) then
-- alphabetically; a bar chart of the top five.
normalise :: String -> [String]
normalise = words . map (\c -> if isAlpha c then toLower c else ' ')

frequencies :: [String] -> [(String, Int)]
frequencies ws = sortBy order [(head g, length g) | g <- group (sort ws)]
  where
    order (w1, c1) (w2, c2) = compare c2 c1 `orElse` compare w1 w2
    orElse EQ o = o
    orElse o _ = o

main :: IO ()
main = do
  text <- getContents
  let ws = normalise text
      freqs = frequencies ws
  putStrLn (show (length ws) ++ " words, " ++ show (length freqs) ++ " distinct")
  mapM_ (\(w, c) -> putStrLn (w ++ replicate (8 - length w) ' ' ++ replicate c '*' ++ " " ++ show c)) (take 5 freqs)
  let longest = last (sortBy (comparing length) (map fst freqs))
  putStrLn ("longest word: " ++ longest)
  print [w | (w, 1) <- freqs, length w > 6]
