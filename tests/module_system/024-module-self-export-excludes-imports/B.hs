module B (module B) where

import A (greet)

shout :: String
shout = greet ++ "!"
