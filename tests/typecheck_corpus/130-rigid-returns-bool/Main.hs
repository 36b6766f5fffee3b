ident :: a -> a
ident x = True

main :: IO ()
main = print (ident False)
