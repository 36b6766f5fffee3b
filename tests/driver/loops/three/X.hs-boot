module X where

data Tree = Leaf | Node Tree Int Tree

size :: Tree -> Int
