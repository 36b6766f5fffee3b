module Main (main) where

import A hiding (T(..))

data Mine = X | Y
  deriving Show

main :: IO ()
main = print [X, Y] >> putStrLn (describe defaultT)
