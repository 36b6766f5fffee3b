module B (greet) where

import A (greet)
