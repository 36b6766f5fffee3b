primes = sieve [2 ..]
  where
    sieve (p : xs) = p : sieve [x | x <- xs, x `mod` p /= 0]

fibs = 0 : 1 : zipWith (+) fibs (tail fibs)

main :: IO ()
main = do
  print (take 10 primes)
  print (takeWhile (< 100) fibs)
  print (fibs !! 100)
  print (take 5 (iterate (* 2) 1), take 7 (cycle "ab"), replicate 3 'x')
  print (take 4 (repeat True), head (filter (> 1000) (map (^ 2) [1 ..])))
  let ones = 1 : ones
  print (take 3 ones, zip [1 ..] "abc")
