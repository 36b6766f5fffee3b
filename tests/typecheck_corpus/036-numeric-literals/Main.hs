half x = x / 2
inc x = x + 1
zeroTo n = [0 .. n]

main :: IO ()
main = do
  print (3 :: Int, 3 :: Integer, 3 :: Double, 3 :: Float)
  print (half 5, half (5 :: Float), inc 2.5)
  print (0x1F + 0o17 :: Int, 1e3 :: Double, 2.5e-3 :: Double)
  print (inc (2 ^ 64 :: Integer), inc (maxBound :: Int))
  print (zeroTo 3, zeroTo 1.5)
  print (fromIntegral (7 :: Int) / 2 :: Double, realToFrac (1.5 :: Float) :: Double)
