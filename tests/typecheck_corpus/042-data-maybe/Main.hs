import Data.Maybe

safeHead [] = Nothing
safeHead (x : _) = Just x

readDigit c
  | c >= '0' && c <= '9' = Just (fromEnum c - fromEnum '0')
  | otherwise = Nothing

main :: IO ()
main = do
  print (mapMaybe readDigit "a1b2c3", catMaybes [Just 1, Nothing, Just 3])
  print (fromMaybe 0 (safeHead []), fromMaybe 0 (safeHead [5, 6]))
  print (maybe "none" show (Just 42), maybe "none" show (Nothing :: Maybe Int))
  print (isJust (safeHead "x"), isNothing (readDigit 'q'), fromJust (Just 'j'))
  print (listToMaybe [9, 8], maybeToList (Just 'm'), lookup 'b' (zip "abc" [1 ..]))
