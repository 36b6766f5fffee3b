module Main (main) where

data Colour = Red | Green | Blue
  deriving Show

warmth :: Colour -> String
warmth Red = "warm"
warmth Green = "cool"

main :: IO ()
main = do
  putStrLn (warmth Red)
  putStrLn (warmth Green)
  putStrLn (warmth Blue)
