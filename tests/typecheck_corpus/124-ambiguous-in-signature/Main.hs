size :: Show a => Int
size = 3

main :: IO ()
main = print size
