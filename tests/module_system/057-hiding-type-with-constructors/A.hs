module A (T(..), describe, defaultT) where

data T = X | Y

describe :: T -> String
describe X = "A's X"
describe Y = "A's Y"

defaultT :: T
defaultT = X
