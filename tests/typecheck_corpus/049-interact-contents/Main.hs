main :: IO ()
main = do
  s <- getContents
  let ls = lines s
      counts = map (length . words) ls
  putStr (unlines (zipWith (\i l -> show i ++ ": " ++ l) [1 :: Int ..] ls))
  print counts
