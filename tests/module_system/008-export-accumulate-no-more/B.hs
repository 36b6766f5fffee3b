module B (T(X), T(Y), describe) where

import A
