module Main (main) where

-- Higher-order functions: functions as arguments and results, currying and
-- partial application, composition pipelines, folds written both ways,
-- closures capturing their environment, flip, uncurry, until.
compose :: [a -> a] -> a -> a
compose = foldr (.) id

applyN :: Int -> (a -> a) -> a -> a
applyN n f = compose (replicate n f)

adder :: Int -> Int -> Int
adder n = \m -> n + m

counterFrom :: Int -> [Int -> Int]
counterFrom base = [\k -> base * k + j | j <- [0 .. 2]]

myMap :: (a -> b) -> [a] -> [b]
myMap f = foldr (\y acc -> f y : acc) []

myFilter :: (a -> Bool) -> [a] -> [a]
myFilter p = foldr (\y acc -> if p y then y : acc else acc) []

myReverse :: [a] -> [a]
myReverse = foldl (flip (:)) []

pipeline :: [Int] -> Int
pipeline = sum . map (^ (2 :: Int)) . filter odd . takeWhile (< 20)

derivative :: (Double -> Double) -> Double -> Double
derivative f v = (f (v + h) - f (v - h)) / (2 * h)
  where
    h = 1.0e-3

newton :: (Double -> Double) -> Double -> Double
newton f = until (\g -> abs (f g) < 1.0e-9) (\g -> g - f g / derivative f g)

main :: IO ()
main = do
  print (applyN 5 (* 2) (1 :: Int), compose [(+ 1), (* 10), subtract 2] (5 :: Int))
  let add5 = adder 5
  print (map add5 [1, 2, 3], map (adder 10) [1, 2, 3])
  print (map ($ 10) (counterFrom 3))
  print (myMap show [1, 2, 3 :: Int], myFilter even [1 .. 10 :: Int], myReverse "abc")
  print (pipeline [1 ..])
  print (zipWith3 (\f a b -> f a b) [(+), (*), max] [1, 2, 3] [4, 5, 6 :: Int])
  print (uncurry (+) (3, 4 :: Int), curry fst 'a' 'b', flip (-) 1 (10 :: Int))
  print (map (uncurry replicate) [(2, 'x'), (3, 'y')])
  print (foldr (\c acc -> acc ++ [c]) "" "abc", foldl (\acc c -> c : acc) "" "abc")
  print (until (> 100) (* 3) (1 :: Int))
  print (round (newton (\v -> v * v - 2) 1 * 1.0e6) :: Integer)
  print (let fs = map (*) [1, 2, 3] in map ($ 4) fs :: [Int])
  print (iterate (map (* 2)) [1, 2 :: Int] !! 3)
  print ((.) (+ 1) (* 2) (5 :: Int), (id . id) 'z', const id 'a' 'b')
  print (filter ((> 2) . length) (words "a bb ccc dddd"), any ((== 0) . (`mod` 7)) [1 .. 10 :: Int])
