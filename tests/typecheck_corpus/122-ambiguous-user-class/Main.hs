class Def a where
  def :: a

instance Def Int where
  def = 0

main :: IO ()
main = print (def + 1)
