module B (announce) where

import A

announce :: Describe a => a -> String
announce x = "<" ++ describe x ++ ">"
