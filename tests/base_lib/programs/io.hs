-- Input and output: stdin, files, stderr, exit status.
import System.IO
import System.Exit
import System.Environment
import Control.Monad

main :: IO ()
main = do
  hSetBuffering stdout NoBuffering
  name <- getProgName
  args <- getArgs
  print (name, args)
  l1 <- getLine
  putStrLn ("first line: " ++ l1)
  c <- getChar
  print c
  eof <- isEOF
  print eof
  rest <- getContents
  let ls = lines rest
  print (length ls)
  mapM_ (putStrLn . reverse) ls
  writeFile "out.txt" "hello\n"
  appendFile "out.txt" "world\n"
  s <- readFile "out.txt"
  putStr s
  print (length s)
  hPutStrLn stderr "to stderr"
  hPutStr stderr "no newline"
  hFlush stderr
  hPrint stdout (Just (3 :: Int))
  putChar 'z' >> putChar '\n'
  n <- readIO "42" :: IO Int
  print (n + 1)
  when (n > 40) (putStrLn "big")
  unless (n > 40) (putStrLn "small")
  r <- foldM (\acc x -> do { print x; return (acc + x) }) 0 [1, 2, 3 :: Int]
  print r
  hPutStrLn stderr (show (ExitFailure 3))
  exitWith (ExitFailure 3)
  putStrLn "not reached"
