convert :: a -> b
convert x = x

main :: IO ()
main = print (convert 'c' :: Char)
