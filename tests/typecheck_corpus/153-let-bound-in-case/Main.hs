main :: IO ()
main = case id of
  f -> print (f True, f 'c')
