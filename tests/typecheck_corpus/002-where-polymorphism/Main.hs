swapBoth p q = (swap p, swap q)
  where
    swap (a, b) = (b, a)

tagAll xs ys = (tag xs, tag ys)
  where
    tag zs = zip [0 :: Int ..] zs

main :: IO ()
main = do
  print (swapBoth (1 :: Int, 'a') ("s", True))
  print (tagAll "ab" [False, True])
