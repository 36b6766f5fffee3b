module B (module A, h) where

h :: String
h = "h from B"
