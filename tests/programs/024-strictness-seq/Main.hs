module Main (main) where

import Data.List (foldl', scanl')

-- Strictness on demand: seq and $! evaluate to weak head normal form only;
-- foldl' and accumulators forced with seq.
mean :: [Double] -> Double
mean xs = s / fromIntegral n
  where
    (s, n) = foldl' step (0, 0 :: Int) xs
    step (acc, len) x =
      let acc' = acc + x
          len' = len + 1
       in acc' `seq` len' `seq` (acc', len')

sumStrict :: Int -> [Int] -> Int
sumStrict acc [] = acc
sumStrict acc (x : xs) = let a = acc + x in a `seq` sumStrict a xs

count :: (a -> Bool) -> [a] -> Int
count p = go 0
  where
    go n [] = n
    go n (y : ys)
      | p y = (go $! n + 1) ys
      | otherwise = go n ys

main :: IO ()
main = do
  print (foldl' (+) 0 [1 .. 1000 :: Int])
  print (foldl (flip (:)) [] "abc", foldr (:) [] "abc")
  print (mean [1, 2, 3, 4, 5.5])
  print (sumStrict 0 [1 .. 500])
  print (count even [1 .. 300 :: Int])
  print $! length [1 .. 100 :: Int]
  print ((undefined, undefined :: Int) `seq` "a pair is already in WHNF")
  print (Just (undefined :: Int) `seq` "so is Just")
  print ((\_ -> 'f') `seq` "and a lambda")
  print (const (1 :: Int) $! (2 :: Int))
  let xs = map (* 2) [1 .. 5 :: Int]
  xs `seq` print (sum xs)
  print (scanl' (+) 0 [1, 2, 3, 4 :: Int])
  print (foldl' max 0 [3, 1, 4, 1, 5, 9, 2, 6 :: Int])
  print (foldl' (\acc c -> acc * 10 + toInteger (fromEnum c - fromEnum '0')) 0 "9876543210" :: Integer)
  let r = 5 :: Int
  r `seq` r `seq` print r
