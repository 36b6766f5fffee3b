module B (T(..), describe) where

import A (T(X), describe)
