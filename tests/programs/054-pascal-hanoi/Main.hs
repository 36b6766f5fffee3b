module Main (main) where

-- Pascal's triangle (rows by zipWith, centred text, binomial sums) and the
-- towers of Hanoi (moves for 3 disks, move counts, a simulation with pegs).
pascal :: [[Integer]]
pascal = iterate (\row -> zipWith (+) (0 : row) (row ++ [0])) [1]

centre :: Int -> String -> String
centre width s = replicate ((width - length s) `div` 2) ' ' ++ s

hanoi :: Int -> String -> String -> String -> [(String, String)]
hanoi 0 _ _ _ = []
hanoi n from to via = hanoi (n - 1) from via to ++ [(from, to)] ++ hanoi (n - 1) via to from

type Pegs = ([Int], [Int], [Int])

move :: Pegs -> (String, String) -> Pegs
move pegs (from, to) = put to disk pegs'
  where
    (disk, pegs') = takeFrom from pegs
    takeFrom "A" (d : a, b, c) = (d, (a, b, c))
    takeFrom "B" (a, d : b, c) = (d, (a, b, c))
    takeFrom _ (a, b, d : c) = (d, (a, b, c))
    put "A" d (a, b, c) = (d : a, b, c)
    put "B" d (a, b, c) = (a, d : b, c)
    put _ d (a, b, c) = (a, b, d : c)

main :: IO ()
main = do
  let rows = take 8 pascal
      width = length (unwords (map show (last rows)))
  mapM_ (putStrLn . centre width . unwords . map show) rows
  print (pascal !! 20)
  print (map sum (take 10 pascal))
  print (hanoi 3 "A" "C" "B")
  print (map (\n -> length (hanoi n "A" "C" "B")) [1 .. 8])
  let steps = scanl move ([1, 2, 3], [], []) (hanoi 3 "A" "C" "B")
  mapM_ print steps
