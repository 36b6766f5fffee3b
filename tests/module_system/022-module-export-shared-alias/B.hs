module B (module L) where

import A as L
import C as L
