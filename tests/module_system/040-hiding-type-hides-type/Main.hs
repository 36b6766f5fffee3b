module Main (main) where

import A hiding (T)

value :: T
value = U

main :: IO ()
main = putStrLn (describe value)
