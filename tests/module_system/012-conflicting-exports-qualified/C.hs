module C (A.x, B.x) where

import qualified A
import qualified B
