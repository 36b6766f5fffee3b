module Main (main) where

import Data.Maybe (catMaybes)
import Geometry.Class (Shape (area, perimeter, summary), describe)
import Geometry.Shapes

-- Three modules in a hierarchy: the class in Geometry.Class, the types and
-- instances in Geometry.Shapes, used here with a partial import list.
-- A new instance of the imported class is defined here too.
data Blob = Blob
  deriving Show

instance Shape Blob where
  area _ = 0
  perimeter _ = 1

totalArea :: Shape a => [a] -> Double
totalArea = sum . map area

main :: IO ()
main = do
  mapM_ putStrLn (describe [Circle 1, Circle 0.5])
  mapM_ putStrLn (describe [Rect 2 3, Rect 4 4])
  let ts = catMaybes [triangle 3 4 5, triangle 1 1 5, triangle 2 2 2]
  mapM_ putStrLn (describe ts)
  print (length ts, totalArea [Rect 1 2, Rect 3 4])
  putStrLn (summary Blob)
