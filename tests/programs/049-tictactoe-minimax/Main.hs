module Main (main) where

import Data.List (intercalate, maximumBy, minimumBy)
import Data.Ord (comparing)

-- Tic-tac-toe with minimax: from a position with four empty squares the
-- program plays both sides perfectly and prints every move and the result.
data Player = X | O
  deriving (Eq, Show)

type Cell = Maybe Player
type Board = [Cell]

other :: Player -> Player
other X = O
other O = X

wins :: [[Int]]
wins = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]]

winner :: Board -> Maybe Player
winner b = case [p | line <- wins, Just p <- [b !! head line], all (\i -> b !! i == Just p) line] of
  (p : _) -> Just p
  [] -> Nothing

moves :: Board -> [Int]
moves b = [i | (i, Nothing) <- zip [0 ..] b]

play :: Player -> Int -> Board -> Board
play p i b = take i b ++ [Just p] ++ drop (i + 1) b

-- Score from X's point of view: 1 X wins, 0 draw, -1 O wins.
score :: Player -> Board -> Int
score p b = case winner b of
  Just X -> 1
  Just O -> -1
  Nothing
    | null (moves b) -> 0
    | p == X -> maximum [score O (play X m b) | m <- moves b]
    | otherwise -> minimum [score X (play O m b) | m <- moves b]

bestMove :: Player -> Board -> Int
bestMove p b = pick (comparing snd) [(m, score (other p) (play p m b)) | m <- moves b]
  where
    pick = if p == X then fst' maximumBy else fst' minimumBy
    fst' f cmp xs = fst (f cmp xs)

render :: Board -> String
render b = intercalate "\n" [concatMap cell (take 3 (drop (3 * r) b)) | r <- [0 .. 2]]
  where
    cell Nothing = "."
    cell (Just p) = show p

game :: Player -> Board -> [(Player, Int, Board)]
game p b
  | winner b /= Nothing || null (moves b) = []
  | otherwise = let m = bestMove p b; b' = play p m b in (p, m, b') : game (other p) b'

parse :: String -> Board
parse = map cell
  where
    cell 'X' = Just X
    cell 'O' = Just O
    cell _ = Nothing

main :: IO ()
main = do
  let start = parse "XXO.O.X.."
  putStrLn (render start)
  print (moves start)
  mapM_ (\(p, m, b) -> putStrLn ("\n" ++ show p ++ " plays " ++ show m ++ "\n" ++ render b)) (game O start)
  let final = (\(_, _, b) -> b) (last (game O start))
  putStrLn ("\nresult: " ++ maybe "draw" ((++ " wins") . show) (winner final))
  print (winner (parse "XXXOO...."), winner (parse "XOXOXOOXO"), score O (parse "XXOOOXX.."))
