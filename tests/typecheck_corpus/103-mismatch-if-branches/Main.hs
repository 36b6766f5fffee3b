pick b = if b then 'y' else "no"

main :: IO ()
main = putStrLn (pick True)
