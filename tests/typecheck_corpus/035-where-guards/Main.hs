classify :: Double -> Double -> String
classify weight height
  | bmi < under = "under"
  | bmi < normal = "normal"
  | otherwise = "over"
  where
    bmi = weight / height ^ 2
    (under, normal) = (18.5, 25.0)

roots a b c
  | disc < 0 = []
  | disc == 0 = [centre]
  | otherwise = [centre - off, centre + off]
  where
    disc = b * b - 4 * a * c
    centre = -b / (2 * a)
    off = sqrt disc / (2 * a)

sign n
  | n > 0 = pos
  | n < 0 = neg
  | otherwise = "zero"
  where
    pos = "+" ++ tag
    neg = "-" ++ tag
    tag = show (abs n)

main :: IO ()
main = do
  print (map (uncurry classify) [(50, 1.8), (70, 1.75), (100, 1.7)])
  print (roots 1 (-3) 2, roots 1 2 1, roots 1 0 1)
  print (map sign [3, -4, 0 :: Int])
