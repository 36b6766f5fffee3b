module Main (main) where

import A

total :: Chain -> Int
total End = 0
total (a :+ End) = a
total (a :+ b :+ rest) = a * b + total rest

main :: IO ()
main = print (total (1 :+ 2 :+ 3 :+ End))
