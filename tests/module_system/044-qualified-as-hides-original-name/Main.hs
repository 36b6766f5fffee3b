module Main (main) where

import qualified A as B

main :: IO ()
main = putStrLn B.f >> putStrLn A.f
