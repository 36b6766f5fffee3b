firstOr :: a -> [a] -> a
firstOr _ (x : _) = x
firstOr d [] = 'z'

main :: IO ()
main = print (firstOr 'a' "bc")
