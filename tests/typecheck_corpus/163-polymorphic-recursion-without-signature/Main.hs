data Nested a = Flat a | Nest (Nested [a])

depth (Flat _) = 0
depth (Nest n) = 1 + depth n

main :: IO ()
main = print (depth (Flat 'x'))
