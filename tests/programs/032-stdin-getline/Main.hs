module Main (main) where

import System.IO (hFlush, isEOF, stdout)

-- Reading standard input line by line: getLine, read of numbers from a
-- line, readLn, a loop until end of input with isEOF.
readInts :: String -> [Int]
readInts = map read . words

loop :: Int -> Int -> IO (Int, Int)
loop count total = do
  eof <- isEOF
  if eof
    then return (count, total)
    else do
      line <- getLine
      let n = read line :: Int
      putStrLn ("  read " ++ show n)
      loop (count + 1) (total + n)

main :: IO ()
main = do
  putStr "name? "
  hFlush stdout
  name <- getLine
  putStrLn ("Hello, " ++ name ++ "!")
  n <- fmap read getLine :: IO Int
  xs <- fmap readInts getLine
  print (n, sum xs, take n xs)
  d <- readLn :: IO Double
  print (d * 2)
  pair <- readLn :: IO (Int, String)
  print (snd pair, fst pair + 1)
  (count, total) <- loop 0 0
  putStrLn (show count ++ " more numbers, total " ++ show total)
