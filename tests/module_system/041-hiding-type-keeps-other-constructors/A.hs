module A (T(..), describe) where

data T = T Int | U

describe :: T -> String
describe (T n) = "T " ++ show n
describe U = "U from A"
