import Control.Monad

powerset :: [a] -> [[a]]
powerset = filterM (const [True, False])

checkAll :: [Int] -> Maybe [Int]
checkAll = mapM (\x -> if x > 0 then Just (x * 10) else Nothing)

main :: IO ()
main = do
  forM_ [1, 2, 3 :: Int] $ \i -> when (odd i) (print i)
  unless False (putStrLn "unless ran")
  print (powerset "abc")
  print (replicateM 2 "01")
  print (checkAll [1, 2], checkAll [1, -2])
  r <- foldM (\acc x -> do
                putStrLn ("acc " ++ show acc)
                return (acc + x)) 0 [1, 2, 3 :: Integer]
  print r
  zipWithM_ (\n s -> putStrLn (show n ++ ": " ++ s)) [1 :: Int ..] ["one", "two"]
  print (join [[1], [2, 3 :: Int]], join (Just (Just 'j')), liftM2 (+) (Just 1) (Just (2 :: Int)))
