module Main (main) where

import A
import B

main :: IO ()
main = putStrLn A.name >> putStrLn B.name
