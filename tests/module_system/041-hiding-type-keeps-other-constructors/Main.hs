module Main (main) where

import A hiding (T)

data T = T String

label :: T -> String
label (T s) = s

main :: IO ()
main = putStrLn (label (T "Main's T")) >> putStrLn (describe U)
