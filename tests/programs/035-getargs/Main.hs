module Main (main) where

import System.Environment (getArgs)
import Text.Read (readMaybe)

-- getArgs: the recorded command-line arguments, split into numbers and
-- words with readMaybe.
main :: IO ()
main = do
  args <- getArgs
  print args
  print (length args)
  let numbers = [n | Just n <- map readMaybe args] :: [Int]
      others = [a | a <- args, (readMaybe a :: Maybe Int) == Nothing]
  putStrLn ("numbers: " ++ show numbers ++ ", sum " ++ show (sum numbers))
  putStrLn ("words: " ++ unwords (reverse others))
  case args of
    (first : _) -> putStrLn ("first argument: " ++ first)
    [] -> putStrLn "no arguments"
