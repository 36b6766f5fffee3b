module Main (main) where

-- The n-queens problem by backtracking in the list monad: every solution
-- for 6 queens, the number of solutions for 1 to 6, a board drawn.
queens :: Int -> [[Int]]
queens n = go n
  where
    go 0 = [[]]
    go k = [q : qs | qs <- go (k - 1), q <- [1 .. n], safe q qs]
    safe q qs = and [q /= c && abs (q - c) /= d | (d, c) <- zip [1 ..] qs]

draw :: Int -> [Int] -> [String]
draw n qs = [[if c == q then 'Q' else '.' | c <- [1 .. n]] | q <- qs]

main :: IO ()
main = do
  let six = queens 6
  print six
  print (map (length . queens) [1 .. 5] ++ [length six])
  mapM_ putStrLn (draw 6 (head six))
  print (head (queens 5))
