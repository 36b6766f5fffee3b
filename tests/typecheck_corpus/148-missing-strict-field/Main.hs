data Config = Config { verbose :: !Bool, level :: Int }

main :: IO ()
main = print (level (Config { level = 3 }))
