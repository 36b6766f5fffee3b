between lo hi x = lo <= x && x <= hi && x /= hi
isEmpty xs = xs == []
showJust x = show (Just [x])
bump m = fmap (+ 1) m
both x = (show x, x + 1, x == 0)
pairEq p q = (p, [p]) == (q, [q])

main :: IO ()
main = do
  print (between 1 10 5, between 'a' 'f' 'f')
  print (isEmpty "", isEmpty [1])
  putStrLn (showJust 'c')
  print (bump (Just 1), bump [1, 2])
  print (both 0, pairEq 'x' 'x')
