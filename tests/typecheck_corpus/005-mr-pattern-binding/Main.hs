(lo, hi) = (1, 10)
[p, q] = [2.5, 4]
(c, s) = ('c', "str")
(k, m) = (0, 7)

useK :: Int -> Int
useK x = x + k

main :: IO ()
main = do
  print [lo .. hi]
  print (p * q)
  putStrLn (c : s)
  print (useK 5, m)
