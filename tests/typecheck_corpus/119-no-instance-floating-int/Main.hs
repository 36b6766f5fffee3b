main :: IO ()
main = print (sqrt (length "abcd"))
