module Main (main) where

import B

main :: IO ()
main = putStrLn (name ++ " " ++ show (double 21))
