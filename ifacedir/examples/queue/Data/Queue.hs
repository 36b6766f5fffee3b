-- | A first-in first-out queue as two lists (Okasaki's batched queue): amortised
-- O(1) push and pop. Abstract: the constructor is not exported.
module Data.Queue
  ( Queue
  , empty
  , push
  , pop
  , size
  , toList
  , fromList
  ) where

data Queue a = Queue [a] [a]

instance Show a => Show (Queue a) where
  showsPrec d q = showParen (d > 10) (showString "fromList " . showsPrec 11 (toList q))

instance Eq a => Eq (Queue a) where
  q == r = toList q == toList r

instance Functor Queue where
  fmap f (Queue front back) = Queue (map f front) (map f back)

empty :: Queue a
empty = Queue [] []

push :: a -> Queue a -> Queue a
push x (Queue front back) = check front (x : back)

pop :: Queue a -> Maybe (a, Queue a)
pop (Queue [] _) = Nothing
pop (Queue (x : front) back) = Just (x, check front back)

-- The invariant: the front is empty only if the whole queue is.
check :: [a] -> [a] -> Queue a
check [] back = Queue (reverse back) []
check front back = Queue front back

size :: Queue a -> Int
size (Queue front back) = length front + length back

toList :: Queue a -> [a]
toList (Queue front back) = front ++ reverse back

fromList :: [a] -> Queue a
fromList xs = Queue xs []
