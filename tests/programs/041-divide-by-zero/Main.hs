module Main (main) where

-- Integer division by zero raises "divide by zero"; Double division does
-- not (it gives Infinity).
ratios :: [Int] -> [Int]
ratios xs = zipWith div (map (* 100) xs) (tail xs)

main :: IO ()
main = do
  print (1 / 0 :: Double)
  print (ratios [1, 2, 4, 8])
  print (sum (ratios [5, 1, 0, 3]))
  putStrLn "never printed"
