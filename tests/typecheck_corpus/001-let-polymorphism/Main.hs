pairUp x = (x, x)

main :: IO ()
main = do
  let ident y = y
      twice f = f . f
  print (ident (3 :: Int), ident 'c', ident "str")
  print (twice (+ 1) (5 :: Int), twice ('x' :) "y")
  print (pairUp True, pairUp 'q')
