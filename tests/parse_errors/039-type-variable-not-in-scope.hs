module Main (main) where

data Box = Box a

main :: IO ()
main = print 1
