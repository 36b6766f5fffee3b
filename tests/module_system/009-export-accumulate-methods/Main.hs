module Main (main) where

import B

newtype Square = Square Int

instance Shape Square where
  area (Square n) = n * n
  label _ = "square"

main :: IO ()
main = putStrLn (label (Square 3) ++ " " ++ show (area (Square 3)))
