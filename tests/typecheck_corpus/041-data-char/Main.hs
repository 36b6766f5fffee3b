import Data.Char

shift :: Int -> Char -> Char
shift n c
  | isLower c = rot 'a'
  | isUpper c = rot 'A'
  | otherwise = c
  where
    rot base = chr (ord base + (ord c - ord base + n) `mod` 26)

main :: IO ()
main = do
  putStrLn (map (shift 3) "Hello, World!")
  putStrLn (map (shift (-3)) (map (shift 3) "round trip"))
  print (map toUpper "abc", map digitToInt "1f9", intToDigit 11)
  print (filter isDigit "a1b2c3", all isAlpha "abc", isSpace '\t', isPunctuation '!')
  print (ord 'A', chr 97, words "  split   these words ")
