module Main (main) where

import A
import B

greet :: String -> String
greet name = "hello " ++ name

main :: IO ()
main = let name = "local" in putStrLn name >> putStrLn (greet "argument")
