parseInts :: String -> [Int]
parseInts = map read . words

main :: IO ()
main = do
  print (read "42" :: Int, read " -7 " :: Integer, read "2.5" :: Double)
  print (read "[1,2,3]" :: [Int], read "(1,\"a\")" :: (Int, String))
  print (read "Just (-3)" :: Maybe Int, read "[Left 1, Right 'x']" :: [Either Int Char])
  print (sum (parseInts "10 20 30"))
  print (reads "12 rest" :: [(Int, String)])
  putStrLn (show 3.0 ++ " " ++ show (Just "q") ++ " " ++ show [Just True])
  print (show (read "(True,LT)" :: (Bool, Ordering)))
