module Main (main) where

import qualified Data.Stack as S

main :: IO ()
main = do
  let s = S.push 3 (S.push 2 (S.push (1 :: Int) S.empty))
  print (S.toList s)
  print (fmap fst (S.pop s))
