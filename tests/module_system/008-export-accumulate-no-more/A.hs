module A (T(..), describe) where

data T = X | Y | Z

describe :: T -> String
describe X = "X"
describe Y = "Y"
describe Z = "Z"
