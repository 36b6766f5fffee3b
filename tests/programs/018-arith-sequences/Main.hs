module Main (main) where

-- Arithmetic sequences over Int, Integer, Char, Double and derived
-- enumerations: [a..b], [a,b..], [a,b..c], downward, empty and
-- Double sequences that overshoot by half a step.
data Colour = Red | Orange | Yellow | Green | Blue | Indigo | Violet
  deriving (Show, Enum, Bounded)

upTo :: Enum a => a -> a -> [a]
upTo a b = [a .. b]

zero :: Int
zero = 0

main :: IO ()
main = do
  print [1 .. 10 :: Int]
  print (take 5 [1, 3 ..] :: [Int])
  print ['a' .. 'z']
  print [10, 8 .. 1 :: Int]
  print [1.0, 1.5 .. 3.0 :: Double]
  print [0.1, 0.2 .. 1.0 :: Double]
  print [3.0 .. 6.5 :: Double]
  print (upTo 5 1, upTo 'b' 'a', [1, 2 .. zero])
  print (take 3 [1, 1 .. 1 :: Int])
  print ['a', 'c' .. 'k']
  print ['z', 'x' .. 'q']
  print [LT ..]
  print [False ..]
  print (take 4 [10 :: Integer, 20 ..])
  print [100, 93 .. 50 :: Integer]
  print (sum [1 .. 100 :: Integer], product [1 .. 20 :: Integer])
  print [maxBound - 2 .. maxBound :: Int]
  print [minBound, minBound + 3 .. minBound + 10 :: Int]
  print [Orange ..]
  print [Red, Yellow ..]
  print [Violet, Indigo .. Orange]
  print (length [1, 4 .. 1000 :: Int])
  print [5, 4 .. 1 :: Double]
  print (map fromEnum ['0' .. '9'])
  print [x * 2 | x <- [(-3) .. 3 :: Int]]
  print (takeWhile (< 2) [0, 0.25 ..] :: [Double])
