module B (name) where

name :: String
name = "B"
