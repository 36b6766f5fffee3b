module Main (main) where

import Control.Monad (when)
import System.Exit (ExitCode (..), exitWith)
import System.IO (hPutStrLn, stderr)

-- exitWith (ExitFailure 3): output so far is flushed, nothing more runs,
-- the exit status is 3.
validate :: [Int] -> Either String Int
validate xs
  | any (< 0) xs = Left ("negative input: " ++ show (filter (< 0) xs))
  | otherwise = Right (sum xs)

main :: IO ()
main = do
  print (validate [1, 2, 3])
  let result = validate [4, -5, 6, -7]
  print result
  when (either (const True) (const False) result) $ do
    hPutStrLn stderr "validation failed"
    exitWith (ExitFailure 3)
  putStrLn "never printed"
