class Sized a where
  size :: a -> Int
  size x = length (parts x)
  parts :: a -> [String]
  parts x = replicate (size x) "?"

data Word3 = Word3 String String String
newtype Count = Count Int

instance Sized Word3 where
  parts (Word3 a b c) = [a, b, c]

instance Sized Count where
  size (Count n) = n

instance Sized a => Sized [a] where
  size = sum . map size

main :: IO ()
main = do
  print (size (Word3 "a" "b" "c"), parts (Word3 "x" "y" "z"))
  print (size (Count 2), parts (Count 2))
  print (size [Count 1, Count 4], size [[Word3 "" "" ""]])
