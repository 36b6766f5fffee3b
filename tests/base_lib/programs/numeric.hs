-- Numeric: other bases, floating-point formats, and show vs floatToDigits.
import Numeric

ds :: [Double]
ds = [0, 0.1, 1, 1.5, -2.25, 123.456, 1.0e7, 9999999, 1.0e-2, 0.001234, 5.0e-324, 2.2250738585072014e-308,
      1.7976931348623157e308, 1 / 3, 2 / 3, 100, 0.5, 2.5, 3.5, 1.005, 123456.789, 4.35, 0.045, 1e21, 1e22, 9007199254740993,
      3.0925352787701443e18, 6.4295608915343344e16, -1.1131781205920023e15, -2.3389177178342963e14, 6.4514447250551744e16]

main :: IO ()
main = do
  print (showHex (255 :: Int) "", showOct (64 :: Integer) "", showInt (1234 :: Int) "", showHex (0 :: Int) "")
  print (showIntAtBase 2 (\d -> toEnum (d + 48)) (10 :: Int) "", showSigned showInt 7 (-5 :: Int) "", showSigned showInt 0 (-5 :: Int) "")
  print (fst (head (readHex "ff" :: [(Int, String)])), readOct "17x" :: [(Integer, String)], readDec "12ab" :: [(Int, String)])
  print (readSigned readDec " -12 rest" :: [(Int, String)], readInt 2 (`elem` "01") (\c -> fromEnum c - 48) "1011" :: [(Int, String)])
  print (readFloat "1.25e2x" :: [(Double, String)], readFloat "3" :: [(Rational, String)], readFloat "0.1" :: [(Rational, String)])
  print (map (\x -> floatToDigits 10 x) (take 8 ds))
  print (floatToDigits 2 (0.75 :: Double), floatToDigits 16 (255.5 :: Double), floatToDigits 10 (0.1 :: Float))
  print (map (\x -> showFloat x "" == show x) ds, map (\x -> showFloat x "") ds)
  print (map (\x -> showFloat x "" == show x) (map realToFrac ds :: [Float]))
  mapM_ (\x -> putStrLn (unwords [showFFloat (Just 2) x "", showFFloat Nothing x "", showFFloat (Just 0) x "",
                                  showEFloat (Just 3) x "", showEFloat Nothing x "", showEFloat (Just 0) x "",
                                  showGFloat (Just 2) x "", showGFloat Nothing x ""])) ds
  print (showFFloat (Just 3) (0 / 0 :: Double) "", showEFloat Nothing (-1 / 0 :: Double) "", showFFloat (Just 1) (-0.0 :: Double) "")
  print (showFFloat (Just 1) (0.25 :: Double) "", showFFloat (Just 1) (0.35 :: Double) "", showFFloat (Just 0) (2.5 :: Double) "")
  print (showFFloat (Just 2) (1.5e-3 :: Float) "", showEFloat (Just 2) (12345.678 :: Float) "", fromRat (1 / 3) :: Double)
  print (map (\k -> show (2 ^^ k :: Double) == showFloat (2 ^^ k :: Double) "") (enumFromTo (-1074) 1023 :: [Int]) == replicate 2098 True)
