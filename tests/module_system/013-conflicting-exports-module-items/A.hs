module A (x, fromA) where

x :: String
x = "A"

fromA :: String
fromA = "from A"
