module Main (main) where

import A

viaImport :: Int
viaImport = 10 -: 3 -: 2

viaLocal :: Int
viaLocal = let a -: b = a - b in 10 -: 3 -: 2

main :: IO ()
main = print (viaImport, viaLocal)
