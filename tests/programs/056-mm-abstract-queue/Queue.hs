module Queue
  ( Queue
  , empty
  , isEmpty
  , push
  , pop
  , fromList
  , toList
  , size
  ) where

-- A FIFO queue as two lists. The constructor is not exported: importers
-- build queues only with the smart constructors, which keep the invariant
-- that the front list is empty only when the whole queue is.
data Queue a = Queue [a] [a]

instance Show a => Show (Queue a) where
  showsPrec d q = showParen (d > 10) (showString "fromList " . shows (toList q))

instance Eq a => Eq (Queue a) where
  a == b = toList a == toList b

empty :: Queue a
empty = Queue [] []

isEmpty :: Queue a -> Bool
isEmpty (Queue [] _) = True
isEmpty _ = False

check :: [a] -> [a] -> Queue a
check [] back = Queue (reverse back) []
check front back = Queue front back

push :: a -> Queue a -> Queue a
push x (Queue front back) = check front (x : back)

pop :: Queue a -> Maybe (a, Queue a)
pop (Queue [] _) = Nothing
pop (Queue (x : front) back) = Just (x, check front back)

fromList :: [a] -> Queue a
fromList xs = Queue xs []

toList :: Queue a -> [a]
toList (Queue front back) = front ++ reverse back

size :: Queue a -> Int
size (Queue front back) = length front + length back
