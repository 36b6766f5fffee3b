module B (T(..), describe) where

import A (T, describe)
