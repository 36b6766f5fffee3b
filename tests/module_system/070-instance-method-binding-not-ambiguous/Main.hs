module Main (main) where

data T = T

show :: T -> String
show T = "top-level show"

instance Show T where
  show T = "instance show"

main :: IO ()
main = putStrLn (Main.show T) >> putStrLn (Prelude.show T) >> print T
