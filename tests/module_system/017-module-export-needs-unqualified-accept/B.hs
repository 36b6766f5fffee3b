module B (module A) where

import A hiding (g)
import qualified A (g)
