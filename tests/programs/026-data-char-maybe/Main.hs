module Main (main) where

import Data.Char
import Data.Maybe

-- Data.Char classification and conversion (a Caesar cipher, digit
-- conversions, show of special characters) and Data.Maybe helpers.
caesar :: Int -> String -> String
caesar n = map shift
  where
    shift c
      | isAsciiLower c = rotate 'a' c
      | isAsciiUpper c = rotate 'A' c
      | otherwise = c
    rotate base c = chr (ord base + (ord c - ord base + n) `mod` 26)

capitalise :: String -> String
capitalise [] = []
capitalise (c : cs) = toUpper c : map toLower cs

fromDigits :: String -> Int
fromDigits = foldl (\acc d -> acc * 10 + digitToInt d) 0

safeRecip :: Double -> Maybe Double
safeRecip 0 = Nothing
safeRecip x = Just (1 / x)

main :: IO ()
main = do
  let s = "Hello, World! 123"
  print (map toUpper s, map toLower s)
  print (filter isAlpha s, filter isDigit s, length (filter isSpace s))
  print (map isUpper "aB", map isPunctuation ",a!", map isAlphaNum "a1_")
  print (caesar 3 "Hello, World!", caesar (-3) (caesar 3 "round trip"))
  print (map ord "AZaz09", map chr [72, 105])
  print (map digitToInt "0123456789abcdef", map intToDigit [0, 7, 10, 15])
  print (fromDigits "40213", map capitalise (words "the QUICK bRoWn fox"))
  print (isHexDigit 'f', isOctDigit '8', isSeparator ' ', isControl '\n')
  print (show 'a', show '\n', show '\'', show '"', show '\t', show '\DEL')
  print "tab\there \"quoted\" back\\slash caf\233 \1234 end"
  print (generalCategory 'a', generalCategory '1', generalCategory ' ')
  print (fromMaybe 0 (Just 3 :: Maybe Int), fromMaybe 0 (Nothing :: Maybe Int))
  print (maybe "none" show (Just (42 :: Int)), maybe "none" show (Nothing :: Maybe Int))
  print (catMaybes [Just 1, Nothing, Just (3 :: Int)], mapMaybe safeRecip [2, 0, 4])
  print (isJust (Just 'x'), isNothing (Just 'x'), fromJust (Just 'y'))
  print (listToMaybe [1, 2, 3 :: Int], listToMaybe ([] :: [Int]), maybeToList (Just 'm'))
  print (map (fmap (* 2)) [Just 1, Nothing :: Maybe Int])
  print (lookup 'b' (zip "abc" [1 :: Int ..]) >>= \n -> if n > 1 then Just (n * 100) else Nothing)
