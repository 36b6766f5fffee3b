main :: IO ()
main = do
  print "tab\there\nnew \"quoted\" back\\slash"
  print '\'' >> print '"' >> print '\n'
  print "\1234\&5 \SOH \SO\&H \DEL \200"
  print "caf\233 \955"
  print ['\0', '\a', '\127', 'z']
  putStrLn (show "\\" ++ show 'x')
  print (length "\SOH\&", "a\
        \b")
