module Main (main) where

import Text.Read (readMaybe)

-- read of numbers, lists, tuples, Maybe, strings; show/read round trips;
-- reads leaving the rest of the input; readMaybe on bad input.
roundTrip :: (Show a, Read a, Eq a) => a -> Bool
roundTrip x = read (show x) == x

main :: IO ()
main = do
  print (read "42" :: Int)
  print (read "[1,2,3]" :: [Int])
  print (read " ( 3 , \"hi\" ) " :: (Int, String))
  print (read "-7" :: Int, read "(-7)" :: Int)
  print (read "3.25" :: Double, read "1e3" :: Double, read "-0.5" :: Double)
  print (read "Just 5" :: Maybe Int, read "Nothing" :: Maybe Int)
  print (read "[(1,True),(2,False)]" :: [(Int, Bool)])
  print (read "\"a string\\n\"" :: String)
  print (read "'x'" :: Char, read "[LT,GT]" :: [Ordering])
  print (read "Right 2" :: Either Bool Int, read "Just (Left (-3))" :: Maybe (Either Int Char))
  print (read "123456789012345678901234567890" :: Integer)
  print (roundTrip (123 :: Int), roundTrip (-2.5e-3 :: Double), roundTrip "quote\"d")
  print (roundTrip [Just (1 :: Int), Nothing], roundTrip ((1 :: Int), 'c', [True]))
  print (reads "12 rest" :: [(Int, String)])
  print (reads "nope" :: [(Int, String)])
  print (readMaybe "17" :: Maybe Int, readMaybe "x17" :: Maybe Int, readMaybe "1.5" :: Maybe Int)
  print (sum (map read (words "1 2 3 4 10")) :: Int)
  print (map read (lines "1.5\n2.25\n-3") :: [Double])
  print (show 3 ++ show (-3 :: Int) ++ show [1, 2 :: Int] ++ show "s" ++ show (Just ()))
  print (read (show (maxBound :: Int)) + (1 :: Integer))
