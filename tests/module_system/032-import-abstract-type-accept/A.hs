module A (T(..), describe, defaultT) where

data T = X | Y

describe :: T -> String
describe X = "X"
describe Y = "Y"

defaultT :: T
defaultT = Y
