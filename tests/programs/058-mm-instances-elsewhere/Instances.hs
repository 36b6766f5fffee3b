module Instances () where

import Types

-- Instances for types defined in another module (orphan instances); the
-- module exports nothing else.
instance Show Suit where
  show Hearts = "♥"
  show Spades = "♠"

instance Eq Suit where
  Hearts == Hearts = True
  Spades == Spades = True
  _ == _ = False

instance Ord Suit where
  compare a b = compare (rank a) (rank b)
    where
      rank :: Suit -> Int
      rank Hearts = 0
      rank Spades = 1

instance Show Card where
  showsPrec d (Card n s) = showParen (d > 10) (showString (face n) . shows s)
    where
      face 1 = "A"
      face 11 = "J"
      face 12 = "Q"
      face 13 = "K"
      face k = show k

instance Eq Card where
  Card a s == Card b t = a == b && s == t

instance Ord Card where
  compare (Card a s) (Card b t) = compare (s, a) (t, b)

instance Show Hand where
  show h = "Hand " ++ show (cards h)
