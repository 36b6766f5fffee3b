data T = T deriving Show

instance Show T where
  show _ = "mine"

main :: IO ()
main = print T
