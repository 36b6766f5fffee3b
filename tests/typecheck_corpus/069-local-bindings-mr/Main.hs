report n = (scaled, twice 'x', twice True)
  where
    factor = 3
    scaled = n * factor
    twice x = (x, x)

average :: [Double] -> Double
average xs = total / count
  where
    total = sum xs
    count = fromIntegral (length xs)

main :: IO ()
main = do
  print (report 2, report 1.5)
  print (average [1, 2, 3, 4])
  let k = 10
      shout s = s ++ reverse s
  print (k `div` 3, shout "hey", shout [1, 2])
