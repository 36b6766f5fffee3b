f 0 = "done"
f n = g (n - 1)

g n = f n ++ show (f 'x')

main :: IO ()
main = putStrLn (f 3)
