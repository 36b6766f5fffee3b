module Main (main) where

import A
import B

describe :: Light -> String
describe Red = "red"
describe _ = "other"

main :: IO ()
main = putStrLn (describe Amber)
