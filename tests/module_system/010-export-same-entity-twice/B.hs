module B (greet, A.greet, module A) where

import A
