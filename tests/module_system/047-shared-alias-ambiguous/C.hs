module C (name) where

name :: String
name = "C"
