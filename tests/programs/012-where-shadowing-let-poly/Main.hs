module Main (main) where

-- Scoping: where and let bindings shadow top-level and Prelude names (a local
-- operator takes the default fixity infixl 9); lambda and case variables
-- shadow outer ones; let- and where-bound functions are polymorphic.
x :: Int
x = 10

addX :: Int -> Int
addX y = x + y

addLocalX :: Int -> Int
addLocalX y = x + y
  where
    x = 100

-- `sum` here is the local one, not the Prelude's.
productOf :: [Int] -> Int
productOf xs = sum xs
  where
    sum = foldr (*) 1

-- A local (+) with no fixity declaration is infixl 9, so it binds tighter
-- than the Prelude's (*): 2 + 3 * 4 is (2 + 3) * 4, with + meaning minus.
weird :: Int
weird = 2 + 3 * 4
  where
    a + b = a - b

nested :: Int -> Int
nested n = let n' = n + 1 in let n = n' * 2 in n

shadowArg :: Int -> Int
shadowArg x = (\x -> x * 2) (x + 1)

caseShadow :: Maybe Int -> Int
caseShadow m = case m of
  Just x -> x
  Nothing -> x

triple :: (Char, Bool, Int)
triple = let ident z = z in (ident 'c', ident True, ident 3)

pairs :: ((Integer, Integer), (String, String))
pairs = (dup 1, dup "s")
  where
    dup a = (a, a)

lengths :: (Int, Int)
lengths = (len "abc", len [True, False])
  where
    len :: [a] -> Int
    len [] = 0
    len (_ : rest) = 1 + len rest

compose :: String
compose = twice tail "abcdef" ++ show (twice (* 3) (2 :: Int))
  where
    twice f = f . f

main :: IO ()
main = do
  print (addX 1, addLocalX 1, x)
  print (productOf [1, 2, 3, 4], sum [1, 2, 3, 4 :: Int])
  print weird
  print (nested 5, shadowArg 5)
  print (caseShadow (Just 3), caseShadow Nothing)
  print triple
  print pairs
  print lengths
  putStrLn compose
  let map = "not the Prelude's map"
  putStrLn map
  let x = "inner x"
  putStrLn x
  print (let y = 1; f z = z + y in f (f (2 :: Int)))
  print [let x = i * i in x + 1 | i <- [1 .. 4 :: Int]]
