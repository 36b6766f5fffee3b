pairs = [(x, y) | x <- [1 .. 3], y <- "ab"]
triples n = [(a, b, c) | c <- [1 .. n], b <- [1 .. c], a <- [1 .. b], a * a + b * b == c * c]
evensSquared xs = [sq | x <- xs, even x, let sq = x * x]
justs xs = [x | Just x <- xs]

main :: IO ()
main = do
  print pairs
  print (triples (20 :: Int))
  print (evensSquared [1 .. 10 :: Integer])
  print (justs [Just 'a', Nothing, Just 'b'])
  print [if odd i then 'o' else 'e' | i <- [1 .. 5 :: Int]]
  print [[c] | c <- "hey", c /= 'e']
