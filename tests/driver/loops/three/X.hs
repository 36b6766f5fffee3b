module X (Tree(..), size, build) where

import Y (weight)

data Tree = Leaf | Node Tree Int Tree

size :: Tree -> Int
size Leaf = 0
size (Node l v r) = size l + weight v + size r

build :: Int -> Tree
build 0 = Leaf
build n = Node (build (n - 1)) n Leaf
