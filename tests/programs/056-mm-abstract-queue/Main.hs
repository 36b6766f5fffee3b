module Main (main) where

import Queue (Queue)
import qualified Queue as Q

-- A module exporting its type abstractly (Queue without constructors) with
-- smart constructors, imported qualified with an alias; its Show and Eq
-- instances come along.
drain :: Queue a -> [a]
drain q = case Q.pop q of
  Nothing -> []
  Just (x, q') -> x : drain q'

-- Breadth-first numbering of a tree, with the queue.
data Tree = Leaf | Node Tree Char Tree

bfs :: Tree -> String
bfs t = go (Q.push t Q.empty)
  where
    go q = case Q.pop q of
      Nothing -> []
      Just (Leaf, q') -> go q'
      Just (Node l c r, q') -> c : go (Q.push r (Q.push l q'))

main :: IO ()
main = do
  let q = foldr Q.push Q.empty [3, 2, 1 :: Int]
  print q
  print (Q.size q, Q.isEmpty q, Q.isEmpty (Q.empty :: Queue Int))
  print (drain (Q.push 4 q))
  print (fmap fst (Q.pop q), fmap snd (Q.pop q))
  print (Q.fromList "abc" == Q.push 'c' (Q.push 'b' (Q.push 'a' Q.empty)))
  print (Just (Q.fromList [True]))
  let tree = Node (Node (Node Leaf 'd' Leaf) 'b' Leaf) 'a' (Node (Node Leaf 'e' Leaf) 'c' (Node Leaf 'f' Leaf))
  putStrLn (bfs tree)
  print (Q.toList (foldl (flip Q.push) (Q.fromList [1, 2]) [3 .. 6 :: Int]))
