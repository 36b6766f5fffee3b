module Y (weight, total) where

import Z (scale)

weight :: Int -> Int
weight v = scale v

total :: Int -> Int
total n = weight n + 1
