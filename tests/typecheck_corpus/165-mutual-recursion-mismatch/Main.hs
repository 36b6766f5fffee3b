f n = if n > 0 then g (n - 1) ++ "!" else "done"

g n = not (f n)

main :: IO ()
main = putStrLn (f 3)
