module Main (main) where

-- nfib counts its own calls; also naive and accumulator Fibonacci, and
-- Ackermann's function on tiny arguments.
nfib :: Int -> Int
nfib n = if n < 2 then 1 else nfib (n - 1) + nfib (n - 2) + 1

fibNaive :: Int -> Integer
fibNaive 0 = 0
fibNaive 1 = 1
fibNaive n = fibNaive (n - 1) + fibNaive (n - 2)

fibIter :: Int -> Integer
fibIter n = go n 0 1
  where
    go 0 a _ = a
    go k a b = go (k - 1) b (a + b)

ackermann :: Int -> Int -> Int
ackermann 0 n = n + 1
ackermann m 0 = ackermann (m - 1) 1
ackermann m n = ackermann (m - 1) (ackermann m (n - 1))

main :: IO ()
main = do
  print (nfib 15)
  print (map nfib [0 .. 10])
  print (map fibNaive [0 .. 15])
  print (fibIter 100)
  print (all (\k -> fibNaive k == fibIter k) [0 .. 12])
  print [ackermann m n | m <- [0 .. 2], n <- [0 .. 3]]
