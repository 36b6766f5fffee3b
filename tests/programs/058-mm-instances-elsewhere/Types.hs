module Types
  ( Suit (..)
  , Card (..)
  , Hand
  , hand
  , cards
  ) where

-- Plain data types with no instances: those live in module Instances.
data Suit = Hearts | Spades

data Card = Card Int Suit

newtype Hand = Hand [Card]

hand :: [Card] -> Hand
hand = Hand

cards :: Hand -> [Card]
cards (Hand cs) = cs
