limit = 100
scale = 3

bounded :: Int -> Int
bounded x = min x limit

toDouble :: Double -> Double
toDouble y = y * scale

main :: IO ()
main = do
  print (bounded 250, bounded 7)
  print (toDouble 1.5)
  print (maxBound `div` limit)
