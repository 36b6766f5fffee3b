module B (Shape(..)) where

import A (Shape(area))
