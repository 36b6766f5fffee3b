count :: Int
count = "three"

main :: IO ()
main = print count
