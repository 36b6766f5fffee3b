module Main (main) where

main :: IO ()
main = putStrLn "abc\   x   \def"
