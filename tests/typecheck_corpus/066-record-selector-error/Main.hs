data Animal = Dog { name :: String, tricks :: Int } | Fish { name :: String }
  deriving Show

main :: IO ()
main = do
  let rex = Dog { name = "rex", tricks = 3 }
      nemo = Fish "nemo"
  print (map name [rex, nemo])
  print (tricks rex)
  print (tricks nemo)
