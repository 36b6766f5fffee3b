module A where

import Helper (helper)

fromA :: String
fromA = helper ++ " via A"
