module C (module C, module A) where

import A

x :: String
x = "C"
