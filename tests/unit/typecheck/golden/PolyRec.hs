module Main (main) where

-- polymorphic recursion with a signature, on a nested data type
data Nested a = Flat a | Nest (Nested [a])

depth :: Nested a -> Int
depth (Flat _) = 0
depth (Nest n) = 1 + depth n

flatten :: Nested a -> [[a]]
flatten (Flat x) = [[x]]
flatten (Nest n) = concat (flatten n)

-- mutual recursion without signatures
isEven 0 = True
isEven n = isOdd (n - 1)
isOdd 0 = False
isOdd n = isEven (n - 1)

main :: IO ()
main = do
  print (depth (Nest (Nest (Flat [[1 :: Int]]))))
  print (flatten (Nest (Flat "ab")))
  print (isEven (10 :: Int), isOdd 7)
