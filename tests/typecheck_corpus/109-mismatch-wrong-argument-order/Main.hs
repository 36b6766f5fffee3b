repeatStr :: Int -> String -> String
repeatStr n s = concat (replicate n s)

main :: IO ()
main = putStrLn (repeatStr "ab" 3)
