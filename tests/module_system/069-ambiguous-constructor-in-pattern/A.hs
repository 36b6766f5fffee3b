module A (Light(..)) where

data Light = Red | Amber
