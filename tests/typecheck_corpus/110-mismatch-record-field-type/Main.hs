data P = P { px :: Int, py :: Int } deriving Show

main :: IO ()
main = print ((P 1 2) { px = "one" })
