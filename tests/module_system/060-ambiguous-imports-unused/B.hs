module B (name, fromB) where

name :: String
name = "B"

fromB :: String
fromB = "from B"
