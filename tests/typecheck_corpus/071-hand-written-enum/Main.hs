data Note = C | D | E | F | G | A | B deriving (Show, Eq)

instance Enum Note where
  fromEnum n = case n of { C -> 0; D -> 2; E -> 4; F -> 5; G -> 7; A -> 9; B -> 11 }
  toEnum k = case k `mod` 12 of
    0 -> C
    2 -> D
    4 -> E
    5 -> F
    7 -> G
    9 -> A
    _ -> B
  succ B = C
  succ n = head [m | m <- [C, D, E, F, G, A, B], fromEnum m > fromEnum n]
  enumFromTo a b = takeWhile (/= succ b) (iterate succ a)

main :: IO ()
main = do
  print [D .. A]
  print (map fromEnum [C .. B])
  print (toEnum 16 :: Note, succ E)
