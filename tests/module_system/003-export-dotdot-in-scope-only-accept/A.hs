module A (T(..), describe) where

data T = X | Y

describe :: T -> String
describe X = "X from A"
describe Y = "Y from A"
