import Data.List (sort)

data Suit = Clubs | Diamonds | Hearts | Spades deriving (Eq, Ord, Show)
data Card = Card { rank :: Int, suit :: Suit } deriving (Eq, Ord, Show)
data Shape = Circle Double | Rect Double Double deriving (Eq, Ord, Show)

main :: IO ()
main = do
  print (sort [Spades, Clubs, Hearts, Diamonds])
  print (sort [Card 10 Hearts, Card 2 Spades, Card 10 Clubs])
  print (compare (Circle 5) (Rect 1 1), Rect 1 2 < Rect 1 3, Circle 2 == Circle 2)
  print (maximum [Card 3 Clubs, Card 3 Spades], minimum [Rect 2 0, Circle 9])
