-- Laziness: infinite lists, short-circuiting, undefined in unevaluated positions.
import Data.Function (fix)
import Data.List (isPrefixOf, tails)
import qualified Data.List as L

primes :: [Int]
primes = sieve (enumFrom 2)
  where
    sieve (p : xs) = p : sieve [x | x <- xs, x `mod` p /= 0]

fibs :: [Integer]
fibs = 0 : 1 : zipWith (+) fibs (tail fibs)

main :: IO ()
main = do
  print (take 10 primes, takeWhile (< 100) (map (* 2) (enumFrom (1 :: Int))))
  print (fibs !! 100, take 5 (cycle [1, 2 :: Int]), take 3 (repeat 'x'))
  print (False && undefined, True || undefined, and (False : undefined), or (True : undefined))
  print (zip [1, 2 :: Int] (enumFrom 'a'), zip ([] :: [Int]) (undefined :: [Int]), take 0 (undefined :: [Int]))
  print (fst (1 :: Int, undefined :: Int), length [undefined, undefined :: Int], const 'c' (undefined :: Int))
  print (take 5 (fix (\xs -> 1 : map (* 2) xs)) :: [Int], head (filter (> 1000) (map (^ (2 :: Int)) (enumFrom (1 :: Int)))))
  print (any (> 10) (enumFrom (1 :: Int)), elem 50 (enumFrom (1 :: Int)), lookup 7 (zip (enumFrom 1) "abcdefgh" :: [(Int, Char)]))
  print (take 3 (L.sort [3, 1, 2 :: Int]), head (L.sort (5 : 3 : 8 : [1 :: Int])), take 3 (L.nub (cycle [1, 2, 3 :: Int])))
  print (take 4 (map fst (iterate (\(a, b) -> (b, a + b)) (0 :: Int, 1))), snd (span (< 3) [1, 2, 3, 4 :: Int]))
  print (take 5 (L.inits (enumFrom (1 :: Int))) , take 3 (map (take 2) (tails (enumFrom (1 :: Int)))))
  print (fst (L.partition even (enumFromTo 1 10 :: [Int])), take 3 (fst (unzip (zip (enumFrom (1 :: Int)) (repeat 'x')))))
  print (take 5 (L.intersperse 0 (enumFrom (1 :: Int))), "ab" `isPrefixOf` ('a' : 'b' : undefined))
  print (seq (Just undefined :: Maybe Int) "whnf", ((\_ -> 1 :: Int) $! (2 :: Int)), take 3 (L.scanl (+) 0 (repeat (1 :: Int))))
  print (take 3 (concat (repeat "ab")), take 4 (concatMap (replicate 2) (enumFrom 'a')), words (take 11 (cycle "ab ")))
  print (take 3 (lines (cycle "x\n")), take 5 (unwords (repeat "ab")), take 2 (L.group (cycle [1, 1, 2 :: Int])))
  print (maybe 0 (+ 1) (Just (5 :: Int)), either length negate (Left "abc" :: Either String Int), until (> 1000) (* 2) (1 :: Int))
  print (let (a, b) = (length xs, sum xs); xs = [1, 2, 3 :: Int] in (a, b), [y | Just y <- [Just 'a', Nothing, Just 'b']])
