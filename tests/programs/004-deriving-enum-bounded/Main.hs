module Main (main) where

-- Derived Enum and Bounded (with Eq, Ord, Show): [minBound .. maxBound],
-- succ/pred, enumFromThen, fromEnum/toEnum, compare, max/min.
data Day = Mon | Tue | Wed | Thu | Fri | Sat | Sun
  deriving (Eq, Ord, Show, Enum, Bounded)

data Suit = Clubs | Diamonds | Hearts | Spades
  deriving (Eq, Ord, Show, Enum, Bounded)

data Rank = Two | Three | Four | Jack | Queen | King | Ace
  deriving (Eq, Ord, Show, Enum, Bounded)

-- Bounded for a single constructor: every field at its bound.
data Card = Card Rank Suit
  deriving (Eq, Ord, Show, Bounded)

allValues :: (Bounded a, Enum a) => [a]
allValues = [minBound .. maxBound]

isWeekend :: Day -> Bool
isWeekend d = d >= Sat

next :: Day -> Day
next d
  | d == maxBound = minBound
  | otherwise = succ d

main :: IO ()
main = do
  print [minBound .. maxBound :: Day]
  print (allValues :: [Suit])
  print (succ Mon, pred Sun, next Sun, next Wed)
  print [Mon, Wed ..]
  print [Sun, Fri ..]
  print [Tue .. Fri]
  print [Thu ..]
  print (map fromEnum [Mon, Sun], toEnum 2 :: Day)
  print (compare Mon Tue, compare Sat Sat, compare Spades Clubs)
  print (max Fri Tue, min Fri Tue, maximum [Wed, Mon, Sat, Tue])
  print (minBound :: Day, maxBound :: Suit)
  print (minBound :: Card, maxBound :: Card)
  print (filter isWeekend allValues)
  print (length [Card r s | r <- allValues, s <- allValues])
  print (take 5 (iterate next Fri))
  print (Card Ace Clubs < Card Two Spades, Card Jack Hearts > Card Jack Diamonds)
  print ([minBound .. maxBound] :: [Bool])
  print ([minBound .. maxBound] :: [Ordering])
  print (minBound :: Int, maxBound :: Int)
  print (fromEnum 'A', toEnum 98 :: Char, succ 'y', pred 10 :: Int)
  print ([fromEnum d * 10 | d <- [Mon ..], odd (fromEnum d)])
