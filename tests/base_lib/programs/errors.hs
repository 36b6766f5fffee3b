-- Error messages: one run per line of errors.args.
import System.Environment
import Data.Maybe (fromJust)
import Data.Char (digitToInt, intToDigit, chr)
import Data.List (genericIndex, maximumBy)
import Data.Ix (index)
import Data.Ratio ((%))

main :: IO ()
main = do
  args <- getArgs
  case args of
    ["head"] -> print (head ([] :: [Int]))
    ["tail"] -> print (tail ([] :: [Int]))
    ["init"] -> print (init ([] :: [Int]))
    ["last"] -> print (last ([] :: [Int]))
    ["maximum"] -> print (maximum ([] :: [Int]))
    ["minimum"] -> print (minimum ([] :: [Int]))
    ["foldr1"] -> print (foldr1 (+) ([] :: [Int]))
    ["foldl1"] -> print (foldl1 (+) ([] :: [Int]))
    ["index-large"] -> print ([1, 2, 3 :: Int] !! 5)
    ["index-negative"] -> print ([1, 2, 3 :: Int] !! (-1))
    ["cycle"] -> print (cycle ([] :: [Int]))
    ["fromJust"] -> print (fromJust (Nothing :: Maybe Int))
    ["read"] -> print (read "x" :: Int)
    ["read-ambiguous"] -> print (read "1 2" :: Int)
    ["undefined"] -> print (undefined :: Int)
    ["error"] -> print (error "my message" :: Int)
    ["errorWithoutStackTrace"] -> print (errorWithoutStackTrace "plain" :: Int)
    ["digitToInt"] -> print (digitToInt 'g')
    ["intToDigit"] -> print (intToDigit 16)
    ["div0"] -> print (1 `div` (0 :: Int))
    ["mod0"] -> print (1 `mod` (0 :: Integer))
    ["quot-overflow"] -> print ((minBound :: Int) `quot` (-1))
    ["neg-exponent"] -> print (2 ^ (-1 :: Int) :: Int)
    ["toEnum-Bool"] -> print (toEnum 5 :: Bool)
    ["succ-Bool"] -> print (succ True)
    ["pred-Ordering"] -> print (pred LT)
    ["succ-Int"] -> print (succ (maxBound :: Int))
    ["pred-Int"] -> print (pred (minBound :: Int))
    ["succ-Char"] -> print (succ (maxBound :: Char))
    ["chr"] -> print (chr (-1))
    ["chr-large"] -> print (chr 1114112)
    ["toEnum-unit"] -> print (toEnum 1 :: ())
    ["ratio-zero"] -> print (1 % (0 :: Integer))
    ["genericIndex"] -> print (genericIndex "abc" (7 :: Integer))
    ["maximumBy"] -> print (maximumBy compare ([] :: [Int]))
    ["ix"] -> print (index (0, 5 :: Int) 10)
    ["ix-char"] -> print (index ('a', 'c') 'z')
    ["ix-pair"] -> print (index ((0 :: Int, 0 :: Int), (1, 1)) (2, 2))
    ["ioError"] -> ioError (userError "boom")
    ["fail-io"] -> fail "failing in IO"
    ["getLine-eof"] -> getLine >>= putStrLn
    ["getChar-eof"] -> getChar >>= print
    ["readIO"] -> (readIO "zz" :: IO Int) >>= print
    ["partial-output"] -> putStrLn "before" >> print (head "" :: Char)
    _ -> putStrLn "unknown case"
