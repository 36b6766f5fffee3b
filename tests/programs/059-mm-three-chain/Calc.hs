module Calc
  ( Token (..)
  , tokenize
  , evalRPN
  , module Data.Stack
  ) where

import Data.Stack

-- The middle of the chain: an RPN calculator on Data.Stack, which it
-- re-exports whole (module Data.Stack in the export list).
data Token = TNum Integer | TOp Char
  deriving Show

tokenize :: String -> [Token]
tokenize = map token . words
  where
    token w@(c : _) | c `elem` "0123456789" = TNum (read w)
    token [c] = TOp c
    token w = error ("bad token " ++ w)

evalRPN :: [Token] -> Either String Integer
evalRPN = go emptyStack
  where
    go st [] = case pop st of
      Just (v, rest) | depth rest == 0 -> Right v
      _ -> Left ("stack at the end: " ++ show (stackToList st))
    go st (TNum n : ts) = go (push n st) ts
    go st (TOp o : ts) = case pop st of
      Just (b, st1) -> case pop st1 of
        Just (a, st2) -> apply o a b >>= \v -> go (push v st2) ts
        Nothing -> Left ("too few operands for " ++ [o])
      Nothing -> Left ("too few operands for " ++ [o])
    apply '+' a b = Right (a + b)
    apply '-' a b = Right (a - b)
    apply '*' a b = Right (a * b)
    apply '/' _ 0 = Left "division by zero"
    apply '/' a b = Right (a `div` b)
    apply '^' a b = Right (a ^ b)
    apply o _ _ = Left ("unknown operator " ++ [o])
