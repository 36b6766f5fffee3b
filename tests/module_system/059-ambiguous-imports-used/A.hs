module A (name) where

name :: String
name = "A"
