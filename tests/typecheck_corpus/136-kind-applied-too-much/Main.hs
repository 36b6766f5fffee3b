data Pair = Pair (Int Int)

main :: IO ()
main = print 1
