data P = P { px :: Int, py :: Double } deriving (Show, Eq)
data Box a = Box { label :: String, content :: Maybe a } deriving Show
newtype Wrap = Wrap { unwrap :: Int } deriving Show
data Op = Op { (+++) :: Int } deriving Show

main :: IO ()
main = do
  print (P { px = -1, py = -2.5 })
  print (Just (P 3 0.1))
  print (Box "b" (Just (P (-7) 1e-3)))
  print [Box { label = "e", content = Nothing :: Maybe () }]
  print (Wrap (-5), Just (Wrap 5))
  print (Op 1)
