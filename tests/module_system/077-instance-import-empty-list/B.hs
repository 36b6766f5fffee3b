module B () where

import A

instance Show T where
  show (T n) = "T#" ++ show n
