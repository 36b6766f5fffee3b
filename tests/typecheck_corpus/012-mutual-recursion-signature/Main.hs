ping :: Int -> [String]
ping 0 = []
ping n = "ping" : pong (n - 1)

pong 0 = []
pong n = "pong" : ping (n - 1)

alternate xs = go True xs
  where
    go _ [] = []
    go b (y : ys) = (if b then y else negate y) : go (not b) ys

main :: IO ()
main = do
  print (ping 3)
  print (pong 2)
  print (alternate [1, 2, 3, 4, 5])
