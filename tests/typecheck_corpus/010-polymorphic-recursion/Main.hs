data Nested a = Flat a | Nest (Nested [a])

depth :: Nested a -> Int
depth (Flat _) = 0
depth (Nest n) = 1 + depth n

flatten :: Nested a -> [[a]]
flatten (Flat x) = [[x]]
flatten (Nest n) = concat (flatten n)

example :: Nested Int
example = Nest (Nest (Flat [[1, 2], [3]]))

showN :: Show a => Nested a -> String
showN (Flat x) = "Flat " ++ show x
showN (Nest n) = "Nest (" ++ showN n ++ ")"

main :: IO ()
main = do
  print (depth example)
  print (flatten example)
  putStrLn (showN example)
