main :: IO ()
main = print ['a', "b"]
