import Data.List (sortBy, sortOn, maximumBy)
import Data.Ord (comparing, Down(..))

people = [("ann", 41), ("bob", 23), ("cy", 41)]

main :: IO ()
main = do
  print (sortBy (comparing snd) people)
  print (sortOn (Down . snd) people)
  print (maximumBy (comparing snd) people)
  print (compare 1 2, compare "b" "a", max (Down 3) (Down 4))
  print (sortBy (comparing negate) [3, 1, 2])
