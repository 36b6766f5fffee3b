module Main (main) where

import B

origin :: Point
origin = Point 1 2

main :: IO ()
main = print (px origin + py origin)
