data Shape = Circle { radius :: Double } | Rect { width :: Double, height :: Double }

grow :: Shape -> Shape
grow s = s { radius = 1, width = 2 }

main :: IO ()
main = print (radius (grow (Circle 1)))
