module Main (main) where

-- Collatz sequences: the sequence from 27 (its length and peak), the
-- longest chain for starting values below 100, and a histogram.
collatz :: Int -> [Int]
collatz 1 = [1]
collatz n
  | even n = n : collatz (n `div` 2)
  | otherwise = n : collatz (3 * n + 1)

steps :: Int -> Int
steps = subtract 1 . length . collatz

longest :: [Int] -> (Int, Int)
longest lengths = foldr1 better (zip lengths [1 ..])
  where
    better a b = if fst a > fst b then a else b

main :: IO ()
main = do
  print (collatz 6)
  print (take 12 (collatz 27))
  print (steps 27, maximum (collatz 27))
  let lengths = map steps [1 .. 99]
  print (longest lengths)
  print (take 20 lengths)
  let buckets = [(lo, length [s | s <- lengths, s >= lo, s < lo + 25]) | lo <- [0, 25 .. 100]]
      bar (lo, c) = show lo ++ "-" ++ show (lo + 24) ++ ": " ++ replicate (c `div` 2) '#' ++ " (" ++ show c ++ ")"
  mapM_ (putStrLn . bar) buckets
