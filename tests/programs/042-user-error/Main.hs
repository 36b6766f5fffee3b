module Main (main) where

-- ioError (userError ...) ends the program with GHC's "user error" text.
step :: Int -> IO Int
step n
  | n > 20 = ioError (userError ("limit exceeded at " ++ show n))
  | otherwise = do
      putStrLn ("step " ++ show n)
      return (n * 3)

main :: IO ()
main = do
  a <- step 1
  b <- step a
  c <- step b
  d <- step c
  print d
