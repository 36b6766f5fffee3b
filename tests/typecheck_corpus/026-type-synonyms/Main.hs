type Name = String
type Assoc k v = [(k, v)]
type Phone = (Int, Int)
type Pred a = a -> Bool

book :: Assoc Name Phone
book = [("ann", (1, 234)), ("bob", (5, 678))]

find :: Eq k => k -> Assoc k v -> Maybe v
find k = lookup k

keep :: Pred a -> [a] -> [a]
keep = filter

greeting :: Name -> Name
greeting n = "hello " ++ n

main :: IO ()
main = do
  print (find "bob" book, find "cy" book)
  print (keep (> 2) [1, 2, 3, 4 :: Int])
  putStrLn (greeting "world")
