main :: IO ()
main = putStrLn 'c'
