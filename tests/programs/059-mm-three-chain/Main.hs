module Main (main) where

import Calc

-- The top of a three-module chain Main -> Calc -> Data.Stack: Data.Stack's
-- names reach Main through Calc's re-export.
main :: IO ()
main = do
  print (tokenize "3 4 + 2 *")
  mapM_ (print . evalRPN . tokenize)
    ["3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 100 ^", "1 +", "1 2 3", "4 0 /", "7 2 %"]
  let s = push 'c' (push 'b' (push 'a' emptyStack))
  print (top s, depth s, stackToList s)
  print (fmap fst (pop s), fmap (stackToList . snd) (pop s))
