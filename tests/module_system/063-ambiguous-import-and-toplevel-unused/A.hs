module A (name, fromA) where

name :: String
name = "A"

fromA :: String
fromA = "from A"
