module Main (main) where

import A (f)

main :: IO ()
main = putStrLn A.f >> putStrLn A.g
