describe :: [Maybe Int] -> String
describe xs = case xs of
  [] -> "empty"
  [Nothing] -> "one nothing"
  all@(Just (-1) : _) -> "starts with -1, length " ++ show (length all)
  (Just n : rest) | n > 10 -> "big head then " ++ show (length rest)
                  | otherwise -> "small head " ++ show n
  (Nothing : _) -> "nothing first"

lazyPair ~(a, b) = 0 :: Int

firstTwo s@(c : d : _) = [c, d] ++ "/" ++ s
firstTwo s = s

main :: IO ()
main = do
  mapM_ (putStrLn . describe) [[], [Nothing], [Just (-1), Nothing], [Just 12, Just 1], [Just 2], [Nothing, Just 1]]
  print (lazyPair undefined)
  putStrLn (firstTwo "hello")
  putStrLn (firstTwo "h")
