module A (greet) where

greet :: String
greet = "hello from A"
