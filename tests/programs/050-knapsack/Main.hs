module Main (main) where

-- 0/1 knapsack by dynamic programming over lists (one row per item, the
-- table is a lazily built list of rows), with the chosen items recovered;
-- compared with brute force over all subsets. Also coin change counting.
type Item = (String, Int, Int) -- name, weight, value

items :: [Item]
items = [("map", 9, 150), ("compass", 13, 35), ("water", 15, 200), ("sandwich", 5, 160), ("glucose", 6, 60), ("tin", 11, 45)]

capacity :: Int
capacity = 30

-- table !! i !! w: the best value using the first i items within weight w
table :: [[Int]]
table = row0 : zipWith nextRow items table
  where
    row0 = replicate (capacity + 1) 0
    nextRow (_, wt, val) prev =
      [if wt > w then prev !! w else max (prev !! w) (val + prev !! (w - wt)) | w <- [0 .. capacity]]

chosen :: [String]
chosen = go (length items) capacity []
  where
    go 0 _ acc = acc
    go i w acc
      | table !! i !! w == table !! (i - 1) !! w = go (i - 1) w acc
      | otherwise = let (n, wt, _) = items !! (i - 1) in go (i - 1) (w - wt) (n : acc)

subsets :: [a] -> [[a]]
subsets [] = [[]]
subsets (x : xs) = let rest = subsets xs in rest ++ map (x :) rest

bruteForce :: Int
bruteForce = maximum [sum [v | (_, _, v) <- s] | s <- subsets items, sum [w | (_, w, _) <- s] <= capacity]

change :: Int -> [Int] -> Integer
change amount coins = foldr addCoin start coins !! amount
  where
    start = 1 : replicate amount 0
    addCoin c ways = let new = zipWith (+) ways (replicate c 0 ++ new) in new

main :: IO ()
main = do
  print (last (last table))
  print chosen
  print (bruteForce, bruteForce == last (last table))
  print (map (!! capacity) table)
  print (change 100 [1, 5, 10, 25, 50], change 12 [2, 3], change 7 [2, 4])
