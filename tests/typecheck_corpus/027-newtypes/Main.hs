newtype Age = Age Int deriving (Eq, Ord, Show)
newtype Name = Name { getName :: String } deriving (Eq, Show)
newtype Fn a = Fn (a -> a)

apply (Fn f) = f

instance Num Age where
  Age a + Age b = Age (a + b)
  Age a * Age b = Age (a * b)
  abs (Age a) = Age (abs a)
  signum (Age a) = Age (signum a)
  fromInteger n = Age (fromInteger n)
  negate (Age a) = Age (negate a)

main :: IO ()
main = do
  print (Age 30 + 1, Age 3 < Age 4)
  print (Name "ann", getName (Name "bob"))
  print (apply (Fn (* 2)) 21, apply (Fn reverse) "abc")
  print (sum [Age 1, Age 2, 3])
