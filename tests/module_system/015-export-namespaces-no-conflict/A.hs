module A (Pair, mkPair, sumPair) where

data Pair = MkPair Int Int

mkPair :: Int -> Int -> Pair
mkPair = MkPair

sumPair :: Pair -> Int
sumPair (MkPair a b) = a + b
