module Main (main) where

import qualified A

main :: IO ()
main = putStrLn A.f >> putStrLn f
