both f = (f True, f 'c')

main :: IO ()
main = print (both (const 1))
