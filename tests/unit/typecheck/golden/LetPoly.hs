module Main (main) where

-- let-polymorphism, where-bound functions, the monomorphism restriction, defaulting
pairs = let dup x = (x, x) in (dup 'a', dup True)

compose3 f g h = f . g . h

sumSquares xs = sum [x * x | x <- xs]

average xs = total / fromIntegral count
  where total = foldr (+) 0 (xs ++ [])
        count = len xs
        len [] = 0
        len (_ : ys) = 1 + len ys

limit = 100

scaled = limit * 2.5

showAll :: Show a => [a] -> String
showAll = concatMap show

counts = map length ["a", "bc"]

applyTwice f = f . f

main :: IO ()
main = do
  print pairs
  print (compose3 (+ 1) (* 2) negate 3)
  print (sumSquares [1, 2, 3])
  print (average [1, 2, 3])
  print (scaled, limit)
  putStrLn (showAll [1, 2, 3 :: Int])
  print (counts, applyTwice tail "abcd")
