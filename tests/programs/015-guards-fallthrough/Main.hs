module Main (main) where

-- Guards: when every guard of a clause fails, matching falls through to the
-- next clause (also in case alternatives); pattern guards; if/else chains;
-- otherwise.
sizeOf :: Int -> String
sizeOf n
  | n > 100 = "big"
  | n < 0 = "negative"
sizeOf 0 = "zero"
sizeOf n
  | even n = "small even"
sizeOf _ = "small odd"

lookupAge :: String -> [(String, Int)] -> String
lookupAge name table
  | Just age <- lookup name table, age >= 18 = name ++ " is an adult"
  | Just age <- lookup name table = name ++ " is " ++ show age
  | otherwise = name ++ " is unknown"

firstPositive :: [Maybe Int] -> Int
firstPositive ms = case ms of
  (Just n : _) | n > 0 -> n
  (_ : rest) -> firstPositive rest
  [] -> 0

grade :: Int -> Char
grade score =
  if score >= 90
    then 'A'
    else if score >= 80 then 'B' else if score >= 70 then 'C' else 'F'

bmi :: Double -> Double -> String
bmi weight height
  | v < under = "under"
  | v < normal = "normal"
  | otherwise = "over"
  where
    v = weight / (height * height)
    (under, normal) = (18.5, 25.0)

compareLen :: [a] -> [b] -> String
compareLen (_ : xs) (_ : ys) = compareLen xs ys
compareLen [] [] = "same length"
compareLen [] _ = "first shorter"
compareLen _ _ = "first longer"

signs :: [Int] -> [String]
signs = map sign
  where
    sign n
      | n > 0 = "+"
      | n < 0 = "-"
      | otherwise = "0"

main :: IO ()
main = do
  print (map sizeOf [500, -3, 0, 8, 7])
  let people = [("ann", 31), ("bob", 12)]
  mapM_ (putStrLn . (`lookupAge` people)) ["ann", "bob", "cy"]
  print (firstPositive [Nothing, Just (-2), Just 0, Just 5, Just 9], firstPositive [Nothing])
  print (map grade [95, 85, 75, 10])
  print (bmi 50 1.8, bmi 70 1.75, bmi 90 1.7)
  print (compareLen "abc" [1, 2, 3 :: Int], compareLen "a" "bc", compareLen [(), ()] "")
  print (signs [3, -1, 0])
