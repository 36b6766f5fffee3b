module Main (main) where

-- Arguments and bindings that are never demanded are never evaluated:
-- undefined and error in unused positions, where bindings used in one
-- branch only, short-circuiting && and ||, lazy constructor fields.
constFirst :: a -> b -> a
constFirst x _ = x

safeDiv :: Int -> Int -> Int
safeDiv x y = if y == 0 then 0 else q
  where
    q = x `div` y

choose :: Bool -> Int -> Int
choose b n
  | b = n
  | otherwise = expensive
  where
    expensive = error "expensive was demanded"

data Lazy = Lazy Int Int

firstField :: Lazy -> Int
firstField (Lazy a _) = a

myAnd :: [Bool] -> Bool
myAnd = foldr (&&) True

main :: IO ()
main = do
  print (constFirst (1 :: Int) (undefined :: Int))
  print (fst (2 :: Int, error "never" :: Int))
  print (length [undefined, undefined, error "x" :: Int])
  print (take 3 (1 : 2 : 3 : undefined :: [Int]))
  print (False && undefined, True || error "no")
  print (length (map (`div` 0) [1, 2, 3 :: Int]))
  print (safeDiv 10 0, safeDiv 10 3)
  print (choose True 5)
  print (firstField (Lazy 7 undefined))
  let (a, b) = (3 :: Int, undefined :: Int)
  print a
  print (snd (undefined :: Int, 'k'))
  print (myAnd (False : repeat True))
  print (null (undefined : undefined :: [Int]))
  print (zipWith const "abc" [undefined, undefined, undefined :: Int])
  print (maybe 0 (+ 1) (Just (5 :: Int)), either length negate (Left "four" :: Either String Int))
  let table = [(k, if k == 3 then error "bad entry" else k * k) | k <- [1 .. 5 :: Int]]
  print (map fst table, lookup 4 table)
  print (head [x | x <- [1 ..], x * x > (50 :: Int)])
  print (takeWhile (< 10) (map (* 3) [1 :: Int ..]))
  print (case Lazy 1 undefined of Lazy x _ -> x + 1)
  print (until (> 1000) (* 2) (1 :: Int))
  print (if False && b > 0 then 1 else 2 :: Int)
