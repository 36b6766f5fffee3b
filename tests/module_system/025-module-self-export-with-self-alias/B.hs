module B (module B) where

import A as B

shout :: String
shout = greet ++ "!"
