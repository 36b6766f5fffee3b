import System.Environment (getArgs)

main :: IO ()
main = do
  args <- getArgs
  print args
  print (length args)
  mapM_ (putStrLn . reverse) args
