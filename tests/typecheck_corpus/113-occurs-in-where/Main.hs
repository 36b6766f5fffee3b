build ys = go ys
  where
    go [] = []
    go (z : zs) = go zs : zs

main :: IO ()
main = print (length (build "ab"))
