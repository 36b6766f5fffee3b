module B (Shape(area), Shape(label)) where

import A
