module B (module A) where

import qualified A
