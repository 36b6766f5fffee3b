module Data.Stack
  ( Stack
  , emptyStack
  , push
  , pop
  , top
  , depth
  , stackToList
  ) where

-- The bottom of a three-module chain: an abstract stack.
newtype Stack a = Stack [a]

emptyStack :: Stack a
emptyStack = Stack []

push :: a -> Stack a -> Stack a
push x (Stack xs) = Stack (x : xs)

pop :: Stack a -> Maybe (a, Stack a)
pop (Stack []) = Nothing
pop (Stack (x : xs)) = Just (x, Stack xs)

top :: Stack a -> Maybe a
top (Stack xs) = case xs of
  [] -> Nothing
  (x : _) -> Just x

depth :: Stack a -> Int
depth (Stack xs) = length xs

stackToList :: Stack a -> [a]
stackToList (Stack xs) = xs
