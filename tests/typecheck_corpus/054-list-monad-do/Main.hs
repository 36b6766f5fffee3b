import Control.Monad (guard)

triples :: Int -> [(Int, Int, Int)]
triples n = do
  a <- [1 .. n]
  b <- [a .. n]
  c <- [b .. n]
  guard (a * a + b * b == c * c)
  return (a, b, c)

firstJusts xs = do
  Just x <- xs
  return x

lookup2 k1 k2 env = do
  a <- lookup k1 env
  b <- lookup k2 env
  return (a + b)

main :: IO ()
main = do
  print (triples 15)
  print (firstJusts [Just 1, Nothing, Just 3])
  print (lookup2 "x" "y" [("x", 1), ("y", 2)], lookup2 "x" "z" [("x", 1)])
