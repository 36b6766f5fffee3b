module Main (main) where

import Control.Monad (foldM, forM_, guard, replicateM, unless, when, zipWithM_)

-- do notation in Maybe, Either, list and IO: short-circuiting failure,
-- MonadFail on a failed pattern bind, guard, mapM/sequence/foldM.
safeDiv :: Int -> Int -> Maybe Int
safeDiv _ 0 = Nothing
safeDiv a b = Just (a `div` b)

calc :: Int -> Int -> Int -> Maybe Int
calc a b c = do
  x <- safeDiv a b
  y <- safeDiv x c
  let z = x + y
  return (z * 2)

headM :: [a] -> Maybe a
headM xs = do
  (x : _) <- Just xs
  return x

parseAge :: String -> Either String Int
parseAge s = do
  when (null s) (Left "empty input")
  unless (all (`elem` "0123456789") s) (Left ("not a number: " ++ s))
  let n = read s
  if n > 150 then Left ("too old: " ++ show n) else Right n

triples :: Int -> [(Int, Int, Int)]
triples n = do
  a <- [1 .. n]
  b <- [a .. n]
  c <- [b .. n]
  guard (a * a + b * b == c * c)
  return (a, b, c)

pairs :: [(Int, Char)]
pairs = do
  x <- [1, 2, 3]
  y <- "ab"
  return (x, y)

justs :: [Int]
justs = do
  Just x <- [Just 1, Nothing, Just 3]
  [x, x * 10]

budget :: Int -> [Int] -> Maybe Int
budget = foldM spend
  where
    spend left cost = if cost > left then Nothing else Just (left - cost)

main :: IO ()
main = do
  print (calc 100 5 2, calc 1 0 2, calc 10 2 0)
  print (headM "xyz", headM ([] :: [Int]))
  print (map parseAge ["42", "", "4x", "200"])
  print (triples 15)
  print pairs
  print justs
  print (mapM (\x -> if x > 0 then Just x else Nothing) [1, 2, 3 :: Int])
  print (mapM (\x -> if x > 0 then Just x else Nothing) [1, -2, 3 :: Int])
  print (sequence [Just 'a', Just 'b'], sequence [Just 'a', Nothing])
  print (sequence [[1, 2], [3, 4 :: Int]])
  print (replicateM 2 "ab")
  print (budget 100 [30, 20, 40], budget 100 [30, 80])
  print (Just 5 >>= safeDiv 100 >>= safeDiv 1000)
  print (fmap (+ 1) (Right 3 :: Either String Int), fmap (+ 1) (Left "e" :: Either String Int))
  print ([1, 2, 3] >>= \x -> replicate x x :: [Int])
  forM_ [1, 2, 3 :: Int] $ \i -> do
    let sq = i * i
    when (odd i) $
      putStrLn ("odd " ++ show i ++ " squared is " ++ show sq)
  zipWithM_ (\i s -> putStrLn (show i ++ ": " ++ s)) [1 :: Int ..] ["one", "two"]
  r <- return (3 :: Int)
  n <- foldM (\acc x -> do
                putStrLn ("adding " ++ show x)
                return (acc + x)) r [10, 20]
  print n
