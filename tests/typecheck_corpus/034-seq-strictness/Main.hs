import Data.List (foldl')

mean :: [Double] -> Double
mean xs = s / fromIntegral n
  where
    (s, n) = foldl' step (0, 0 :: Int) xs
    step (a, c) x = let a' = a + x
                        c' = c + 1
                    in a' `seq` c' `seq` (a', c')

strictPair x y = x `seq` y `seq` (x, y)

main :: IO ()
main = do
  print (mean [1 .. 100])
  print (length [undefined, undefined :: Int])
  print (fst (1 :: Int, undefined :: Bool))
  print (const 'k' $! 'v')
  print (strictPair 'a' True)
  let ys = map (* 2) [1 .. 5 :: Int]
  ys `seq` print (take 2 ys)
  print (snd (error "never forced", "ok"))
