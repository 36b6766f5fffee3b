module Main (main) where

-- Pattern matching: Int, negative, Char and String literals, nested
-- constructor and list patterns, tuples, as-patterns, wildcards, and
-- overlapping clauses tried top to bottom.
classify :: Int -> String
classify 0 = "zero"
classify (-1) = "minus one"
classify 1 = "one"
classify n
  | n < 0 = "negative"
  | otherwise = "positive"

charKind :: Char -> String
charKind 'a' = "letter a"
charKind ' ' = "space"
charKind '\n' = "newline"
charKind '\'' = "quote"
charKind c = "other " ++ [c]

greet :: String -> String
greet "hello" = "hi there"
greet "" = "silence"
greet ('h' : rest) = "h-word ending in " ++ rest
greet [_] = "one letter"
greet _ = "something else"

describe :: Maybe [Int] -> String
describe Nothing = "nothing"
describe (Just []) = "empty"
describe (Just [x]) = "singleton " ++ show x
describe (Just [x, y]) = "pair " ++ show (x + y)
describe (Just (x : _ : rest@(_ : _))) = "long, starts " ++ show x ++ ", rest " ++ show rest

dupFirst :: [a] -> [a]
dupFirst all'@(x : _) = x : all'
dupFirst [] = []

data Shape = Circle Double | Rect Double Double | Poly [(Double, Double)]

area :: Shape -> Double
area (Circle r) = 3 * r * r
area (Rect w h) = w * h
area (Poly [(0, 0), (x, _), (_, y)]) = x * y / 2
area (Poly _) = -1

pairsum :: [(Int, Int)] -> [Int]
pairsum ((a, b) : rest@((c, _) : _)) = a + b + c : pairsum rest
pairsum [(a, b)] = [a * b]
pairsum [] = []

swapNested :: ((a, b), (c, d)) -> ((d, c), (b, a))
swapNested ((a, b), (c, d)) = ((d, c), (b, a))

firstTwo :: String -> String
firstTwo s@(a : b : _) = [b, a] ++ " from " ++ s
firstTwo s = s

isHalf :: Double -> Bool
isHalf 0.5 = True
isHalf _ = False

main :: IO ()
main = do
  print (map classify [0, -1, 1, -7, 42])
  print (map charKind "a \n'z")
  print (map greet ["hello", "", "happy", "x", "world"])
  mapM_ (putStrLn . describe) [Nothing, Just [], Just [4], Just [1, 2], Just [9, 8, 7, 6]]
  print (dupFirst "abc", dupFirst ([] :: [Int]))
  print (map area [Circle 1, Rect 2 3.5, Poly [(0, 0), (4, 1), (2, 3)], Poly []])
  print (pairsum [(1, 2), (3, 4), (5, 6)])
  print (swapNested ((1 :: Int, 'a'), ("s", True)))
  print (firstTwo "xyz", firstTwo "q")
  print (isHalf 0.5, isHalf (1 / 2), isHalf 0.25)
  print [c | (c, 'x') <- zip "abcd" "xyxy"]
  print [case p of { (3, 'g' : _) -> "matched"; _ -> "no" } | p <- [(3 :: Int, "go"), (3, "no"), (4, "go")]]
