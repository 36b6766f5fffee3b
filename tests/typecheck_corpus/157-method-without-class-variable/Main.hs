class Named a where
  label :: String

main :: IO ()
main = print 1
