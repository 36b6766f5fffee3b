data Wrap f = Wrap (f Int)

unit :: Wrap Int
unit = undefined

main :: IO ()
main = print 1
