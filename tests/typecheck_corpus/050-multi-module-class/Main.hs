import Shapes

describe x = (area x, perimeter x)

main :: IO ()
main = do
  print (describe (Square 2), describe (Circle 1))
  print (totalArea [SquareShape (Square 1), CircleShape (Circle 2)])
  print (totalArea [Square 3, Square 4])
