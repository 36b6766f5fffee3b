normalise :: String -> String
normalise s = show (read s)

main :: IO ()
main = putStrLn (normalise "3")
