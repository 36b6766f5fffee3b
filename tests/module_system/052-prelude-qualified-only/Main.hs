module Main (main) where

import qualified Prelude as P

length :: [a] -> P.Int
length _ = 42

main :: P.IO ()
main = P.print (length "abc")
