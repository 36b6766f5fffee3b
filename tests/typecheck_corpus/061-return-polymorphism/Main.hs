class Default a where
  def :: a

instance Default Int where
  def = 0

instance Default Bool where
  def = False

instance Default [a] where
  def = []

instance (Default a, Default b) => Default (a, b) where
  def = (def, def)

orDef Nothing = def
orDef (Just x) = x

main :: IO ()
main = do
  print (def :: Int, def :: (Bool, [Char]))
  print (orDef (Just (5 :: Int)), orDef Nothing :: Int, not def)
  print (length (def :: [()]), (def :: (Int, (Bool, Int))))
