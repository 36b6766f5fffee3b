module B (module X) where

import A as X
