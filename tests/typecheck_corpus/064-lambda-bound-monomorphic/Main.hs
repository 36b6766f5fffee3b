applyBoth f (x, y) = (f x, f y)
useTwice g = let h = g in (h 1, h 2)
polyPair = let k x = [x] in (k 'a', k True)

main :: IO ()
main = do
  print (applyBoth (* 2) (3, 4))
  print (applyBoth show (True, False))
  print (useTwice (+ 10))
  print polyPair
