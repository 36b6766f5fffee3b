module C (cValue) where

import B ()

cValue :: Int
cValue = 7
