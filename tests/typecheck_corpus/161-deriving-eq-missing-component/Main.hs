data Inner = Inner
data Outer = Outer Inner deriving Eq

main :: IO ()
main = print (Outer Inner == Outer Inner)
