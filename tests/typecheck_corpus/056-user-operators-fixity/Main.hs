infixr 5 +++
infixl 4 <?>
infix 4 ~=

(+++) :: [a] -> [a] -> [a]
xs +++ ys = foldr (:) ys xs

f <?> x = f x x

a ~= b = abs (a - b) < 0.001

main :: IO ()
main = do
  print ([1, 2] +++ [3] +++ [4, 5])
  print ((+) <?> 21, (,) <?> 'd')
  print (0.1 + 0.2 ~= 0.3, 1 ~= 2)
  print (map (+++ "!") ["a", "b"], map ("<" +++) ["c"])
