module A (T(..), describe) where

data T = X | Y

describe :: T -> String
describe X = "X"
describe Y = "Y"
