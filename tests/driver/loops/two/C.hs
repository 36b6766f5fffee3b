module C where

import B

h :: Int
h = g 3
