module B (bOnly) where

import A

instance Show T where
  show (T n) = "T#" ++ show n

bOnly :: ()
bOnly = ()
