data Day = Mon | Tue | Wed | Thu | Fri | Sat | Sun
  deriving (Show, Eq, Ord, Enum, Bounded)

weekend d = d >= Sat

allValues :: (Bounded a, Enum a) => [a]
allValues = [minBound .. maxBound]

main :: IO ()
main = do
  print (allValues :: [Day])
  print [Mon, Wed ..]
  print [Sun, Fri .. Tue]
  print (succ Mon, pred Sun, fromEnum Thu, toEnum 2 :: Day)
  print (filter weekend allValues)
  print (minBound :: Day, maxBound :: Bool, (minBound, maxBound) :: (Day, Char))
