main = putStrLn
