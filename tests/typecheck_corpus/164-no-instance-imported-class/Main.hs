import Pretty

data T = T

main :: IO ()
main = putStrLn (pretty T)
