module Main (main) where

import Data.List (sort)

-- getContents: a table of scores on stdin (name and numbers per line),
-- parsed with words and read; per-line totals, the best line, statistics.
data Entry = Entry String [Int]

parse :: String -> Entry
parse line = case words line of
  (n : nums) -> Entry n (map read nums)
  [] -> Entry "?" []

total :: Entry -> Int
total (Entry _ xs) = sum xs

median :: [Int] -> Int
median xs = sort xs !! (length xs `div` 2)

main :: IO ()
main = do
  input <- getContents
  let entries = map parse (filter (not . null) (lines input))
  mapM_ (\e@(Entry n xs) -> putStrLn (n ++ ": " ++ show xs ++ " total " ++ show (total e))) entries
  let best = foldr1 (\a b -> if total a >= total b then a else b) entries
      Entry bestName _ = best
  putStrLn ("best: " ++ bestName)
  let everything = concatMap (\(Entry _ xs) -> xs) entries
  print (length everything, minimum everything, maximum everything, median everything)
  print (fromIntegral (sum everything) / fromIntegral (length everything) :: Double)
