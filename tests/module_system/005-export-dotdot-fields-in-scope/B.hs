module B (Point(..)) where

import A (Point(Point, px))
