module Main (main) where

import A hiding (g)

main :: IO ()
main = putStrLn A.f >> putStrLn A.g
