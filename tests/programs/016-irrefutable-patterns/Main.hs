module Main (main) where

-- Irrefutable (~) patterns and lazy pattern bindings: matching that never
-- forces its argument, a foldr over an infinite list, and a circular
-- program (repmin) that uses its own result.
lazyArg :: (Int, Int) -> Int
lazyArg ~(_, _) = 1

strictArg :: (Int, Int) -> Int
strictArg (_, _) = 2

evensOdds :: [Int] -> ([Int], [Int])
evensOdds = foldr step ([], [])
  where
    step x ~(es, os) = if even x then (x : es, os) else (es, x : os)

data Tree = Leaf Int | Node Tree Tree
  deriving Show

-- Replace every leaf by the minimum leaf, in one pass.
repMin :: Tree -> Tree
repMin t = t'
  where
    (t', m) = go t
    go (Leaf x) = (Leaf m, x)
    go (Node l r) =
      let (l', ml) = go l
          (r', mr) = go r
       in (Node l' r', min ml mr)

-- The whole running total is known only at the end, yet each element of
-- the result uses it.
shares :: [Int] -> [Double]
shares xs = result
  where
    (result, total) = walk xs
    walk [] = ([], 0)
    walk (y : ys) =
      let (rest, s) = walk ys
       in (fromIntegral y / fromIntegral total : rest, s + y)

firstOrZero :: [Int] -> Int
firstOrZero ys = let ~(z : _) = ys ++ [0] in z

main :: IO ()
main = do
  print (lazyArg undefined)
  print (strictArg (undefined, undefined))
  print (take 5 (fst (evensOdds [0 ..])), take 5 (snd (evensOdds [0 ..])))
  print (repMin (Node (Node (Leaf 5) (Leaf 3)) (Node (Leaf 8) (Node (Leaf 4) (Leaf 9)))))
  print (shares [1, 2, 5])
  print (firstOrZero [7, 8], firstOrZero [])
  let (a, b) = span (< 3) [1, 2, 3, 4, 1 :: Int]
      (q, r) = 17 `divMod` (5 :: Int)
  print (a, b, q, r)
  print (case undefined of ~(_, _) -> "lazy match succeeds" :: String)
