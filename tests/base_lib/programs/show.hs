-- show for numbers, characters, strings and nested structures.
data Point = Point Int Double

instance Show Point where
  showsPrec d (Point x y) =
    showParen (d > 10) (showString "Point " . showsPrec 11 x . showChar ' ' . showsPrec 11 y)

data V = V { vx :: Int, vy :: Maybe Integer }

instance Show V where
  showsPrec d (V a b) = showParen (d >= 11)
    (showString "V {vx = " . showsPrec 0 a . showString ", vy = " . showsPrec 0 b . showChar '}')

main :: IO ()
main = do
  print (42 :: Int, -42 :: Int, 0 :: Int)
  print (minBound :: Int, maxBound :: Int)
  print (12345678901234567890123 :: Integer, -98765432109876543210 :: Integer)
  putStrLn (showsPrec 7 (-5 :: Int) "" ++ " " ++ showsPrec 6 (-5 :: Int) "" ++ " " ++ showsPrec 11 (5 :: Integer) "")
  print [Just (-1 :: Int), Nothing, Just 3]
  print (Left (-2) :: Either Int Char, Right 'x' :: Either Int Char)
  print (Just (Just (Left (-3.5))) :: Maybe (Maybe (Either Double ())))
  print ((), ((), ()), [(), ()])
  print (True, False, LT, EQ, GT)
  print (1 :: Int, 'a', "b", 2.5 :: Double, [3 :: Integer], (4 :: Int, 5 :: Int))
  print (1 :: Int, 2 :: Int, 3 :: Int, 4 :: Int, 5 :: Int, 6 :: Int, 7 :: Int)
  print ('a', '\'', '"', '\\', '\n', '\t', '\0')
  print ('\DEL', '\200', '\1234', '\SOH', '\SO', ' ', '\^A')
  mapM_ print (enumFromTo '\0' '\300')
  print "hello \"world\"\n\t\\"
  print "\1234\&5\SO\&H\SOH\200\&9x\DEL"
  print ["", "a", "\0"]
  print [['a', 'b'], "cd"]
  print (0.1 :: Double, 1.0e-2 :: Double, 1.0e7 :: Double, 1.0e6 :: Double, 123.456 :: Double)
  print (0.1 + 0.2 :: Double, 1 / 3 :: Double, 2 / 3 :: Double, 100 :: Double, 5.0e-324 :: Double)
  print (1 / 0 :: Double, -1 / 0 :: Double, 0 / 0 :: Double, -0.0 :: Double, 0 :: Double)
  print (Just (-0.0 :: Double), Just (1.5e300 * 1.5e300 :: Double), [-1.5 :: Double])
  print (0.1 :: Float, 1 / 3 :: Float, 16777217 :: Float, 3.0e38 :: Float, -2.5 :: Float)
  print (Point (-3) (-0.5), Just (Point 1 2))
  print (V 1 (Just (-5)), [V (-1) Nothing])
  print (showString "abc" "def", showParen True (shows (3 :: Int)) "", showChar 'z' "")
  putStrLn (shows (12 :: Int) (showString " and " (show 'q')))
