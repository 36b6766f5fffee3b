module Data.Stack (Stack, empty, push, fromList, toList) where

newtype Stack a = Stack [a]

empty :: Stack a
empty = Stack []

push :: a -> Stack a -> Stack a
push x (Stack xs) = Stack (x : xs)

fromList :: [a] -> Stack a
fromList = foldr Data.Stack.push Data.Stack.empty

toList :: Stack a -> [a]
toList (Stack xs) = xs
