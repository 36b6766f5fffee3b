module Main (main) where

-- Conway's game of life on a small bounded (5x5) grid: the live cells as a list
-- of coordinates; a glider for four generations and a blinker's period.
type Cell = (Int, Int)

size :: Int
size = 5

neighbours :: Cell -> [Cell]
neighbours (r, c) =
  [(r + dr, c + dc) | dr <- [-1, 0, 1], dc <- [-1, 0, 1], (dr, dc) /= (0, 0), inside (r + dr, c + dc)]
  where
    inside (a, b) = a >= 0 && a < size && b >= 0 && b < size

step :: [Cell] -> [Cell]
step live = [cell | r <- [0 .. size - 1], c <- [0 .. size - 1], let cell = (r, c), rule cell]
  where
    count cell = length (filter (`elem` live) (neighbours cell))
    rule cell
      | cell `elem` live = count cell `elem` [2, 3]
      | otherwise = count cell == 3

render :: [Cell] -> [String]
render live = [[if (r, c) `elem` live then '#' else '.' | c <- [0 .. size - 1]] | r <- [0 .. size - 1]]

main :: IO ()
main = do
  let glider = [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)]
      generations = take 5 (iterate step glider)
  mapM_ (\(i, g) -> putStrLn ("generation " ++ show i) >> mapM_ putStrLn (render g)) (zip [0 :: Int ..] generations)
  print (last generations)
  let blinker = [(2, 1), (2, 2), (2, 3)]
  print (step blinker, step (step blinker) == blinker)
  print (step [(0, 0)], step [(0, 0), (0, 1), (1, 0), (1, 1)])
