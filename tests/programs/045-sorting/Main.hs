module Main (main) where

import Data.List (sort)

-- Sorting algorithms on pseudo-random data: quicksort, merge sort,
-- insertion sort and selection sort agree with Data.List.sort.
randoms :: Int -> Int -> [Int]
randoms seed n = take n (tail (iterate next seed))
  where
    next s = (s * 1103515245 + 12345) `mod` 2147483648

quicksort :: Ord a => [a] -> [a]
quicksort [] = []
quicksort (p : xs) = quicksort [x | x <- xs, x < p] ++ [p] ++ quicksort [x | x <- xs, x >= p]

mergeSort :: Ord a => [a] -> [a]
mergeSort [] = []
mergeSort [x] = [x]
mergeSort xs = merge (mergeSort left) (mergeSort right)
  where
    (left, right) = splitAt (length xs `div` 2) xs

merge :: Ord a => [a] -> [a] -> [a]
merge [] ys = ys
merge xs [] = xs
merge (x : xs) (y : ys)
  | x <= y = x : merge xs (y : ys)
  | otherwise = y : merge (x : xs) ys

insertionSort :: Ord a => [a] -> [a]
insertionSort = foldr insert []
  where
    insert x [] = [x]
    insert x (y : ys)
      | x <= y = x : y : ys
      | otherwise = y : insert x ys

selectionSort :: Ord a => [a] -> [a]
selectionSort [] = []
selectionSort xs = m : selectionSort (remove m xs)
  where
    m = minimum xs
    remove _ [] = []
    remove y (z : zs)
      | y == z = zs
      | otherwise = z : remove y zs

main :: IO ()
main = do
  let xs = map (`mod` 1000) (randoms 2024 40)
  print xs
  print (quicksort xs)
  print (mergeSort xs == sort xs, insertionSort xs == sort xs, selectionSort xs == sort xs)
  print (quicksort "the quick brown fox", mergeSort [3.5, -1, 2.25, 0 :: Double])
  print (mergeSort (words "pear apple fig banana cherry"))
  print (quicksort ([] :: [Int]), insertionSort [5, 4, 3, 2, 1 :: Int], selectionSort [2, 2, 1 :: Int])
