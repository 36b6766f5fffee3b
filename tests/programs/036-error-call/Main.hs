module Main (main) where

-- error stops the program: what was printed before stays on stdout, the
-- message goes to stderr (GHC adds CallStack lines), exit status 1.
checkedSqrt :: Double -> Double
checkedSqrt x
  | x < 0 = error ("checkedSqrt: negative argument " ++ show x)
  | otherwise = sqrt x

main :: IO ()
main = do
  print (checkedSqrt 16)
  putStrLn "about to fail"
  print (sum (map checkedSqrt [4, 1, -9, 25]))
  putStrLn "never printed"
