module Data.Stack (Stack, empty, push, pop, top, size, fromList) where

newtype Stack a = Stack [a]

empty = Stack []
push x (Stack xs) = Stack (x : xs)
pop (Stack []) = Nothing
pop (Stack (x : xs)) = Just (x, Stack xs)
top s = fmap fst (pop s)
size :: Stack a -> Int
size (Stack xs) = length xs
fromList xs = Stack (reverse xs)
