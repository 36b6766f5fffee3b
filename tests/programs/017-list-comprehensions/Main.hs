module Main (main) where

-- List comprehensions: nested generators (later ones depend on earlier),
-- guards, let, and patterns in generators that filter out non-matching
-- elements.
pythagorean :: Int -> [(Int, Int, Int)]
pythagorean n = [(a, b, c) | c <- [1 .. n], b <- [1 .. c], a <- [1 .. b], a * a + b * b == c * c]

divisors :: Int -> [Int]
divisors n = [d | d <- [1 .. n], n `mod` d == 0]

perfects :: [Int]
perfects = [n | n <- [2 .. 30], let ds = init (divisors n), sum ds == n]

table :: [[(Int, Int)]]
table = [[(r, c) | c <- [1 .. 3]] | r <- [1 .. 2]]

main :: IO ()
main = do
  print [x * y | x <- [1 .. 4], y <- [x .. 4], odd (x + y) :: Bool]
  print [(x, y) | x <- [1 .. 4 :: Int], let y = x * x, y > 1]
  print [x | Just x <- [Just 1, Nothing, Just 3 :: Maybe Int]]
  print [c | (c, True) <- zip "abcdef" (cycle [True, False])]
  print [x | (x : _) <- ["abc", "", "de", "f"]]
  print [a + b | (a, b) <- [(1, 2), (3, 4)], let s = a * b, s > 2 :: Bool]
  print (pythagorean 20)
  print (divisors 60)
  print perfects
  print table
  print [y | xs <- [[1, 2], [3], [], [4, 5, 6 :: Int]], y <- xs, odd y]
  print [if even x then 'e' else 'o' | x <- [1 .. 6 :: Int]]
  print [(i, j) | i <- [1 .. 4 :: Int], even i, j <- "ab"]
  print (length [() | _ <- [1 .. 3 :: Int], _ <- "xyz"])
  print [[c] ++ show n | c <- "ab", n <- [1, 2 :: Int]]
  print [(x, y) | x <- [1 .. 3 :: Int], y <- [x + 1 .. 3]]
  print [w | w <- words "the cat sat on a mat", length w == 3, head w /= 'o']
  print [n | Left n <- [Left 1, Right 'x', Left (2 :: Int)]]
  print (take 5 [n * n | n <- [1 :: Int ..], n `mod` 3 /= 0])
