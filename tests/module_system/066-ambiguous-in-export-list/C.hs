module C (name) where

import A
import B
