module C (Pair, Two(..), mkPair, sumPair) where

import A
import B
