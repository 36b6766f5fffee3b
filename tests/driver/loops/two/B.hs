module B where

import {-# SOURCE #-} A

g :: Int -> Int
g x = if x > 0 then f (x - 1) else 0
