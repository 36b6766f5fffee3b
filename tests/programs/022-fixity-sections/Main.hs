module Main (main) where

-- User operators with infixl, infixr and infix declarations (also for
-- backquoted functions and constructors), and sections of all kinds.
infixl 6 <->
(<->) :: Int -> Int -> Int
a <-> b = a - b

infixr 6 <~>
(<~>) :: Int -> Int -> Int
a <~> b = a - b

infixr 5 +++
(+++) :: [a] -> [a] -> [a]
xs +++ ys = foldr (:) ys xs

infix 4 ===
(===) :: String -> String -> Bool
a === b = map toLower' a == map toLower' b
  where
    toLower' c = if c >= 'A' && c <= 'Z' then toEnum (fromEnum c + 32) else c

data V = V Int Int
  deriving Show

infixl 6 ^+^
(^+^) :: V -> V -> V
V a b ^+^ V c d = V (a + c) (b + d)

infixl 7 *^
(*^) :: Int -> V -> V
k *^ V a b = V (k * a) (k * b)

infixl 5 `near`
near :: Int -> Int -> Bool
near a b = abs (a - b) <= 1

infixl 1 |>
(|>) :: a -> (a -> b) -> b
x |> f = f x

infixr 5 :>
data Chain = End | Int :> Chain
  deriving Show

total :: Chain -> Int
total End = 0
total (x :> rest) = x + total rest

main :: IO ()
main = do
  print (10 <-> 3 <-> 2, 10 <~> 3 <~> 2)
  print (1 <-> 2 * 3, 2 * 3 <~> 1)
  print ([1, 2] +++ [3] +++ [4, 5 :: Int])
  print ("Hello" === "hELLO", "a" ++ "b" === "AB")
  print (V 1 2 ^+^ 2 *^ V 10 20 ^+^ V 0 1)
  print (3 `near` 4, 3 + 1 `near` 2 + 2, 3 `near` 5)
  print (total (1 :> 2 :> 3 :> End), 1 :> 2 :> End)
  print ([1, 2, 3] |> map (* 2) |> sum :: Int)
  print (map (+ 1) [1, 2, 3 :: Int])
  print (map (2 ^) [0 .. 6 :: Int] :: [Int])
  print (map (^ 2) [0 .. 6 :: Int])
  print (map (`div` 2) [7, 8, 9 :: Int], map (20 `div`) [3, 4, 5 :: Int])
  print (map (subtract 1) [1, 2, 3 :: Int], map (10 -) [1, 2, 3 :: Int])
  print (map (/ 2) [1, 2, 3 :: Double], map (2 /) [1, 2, 4 :: Double])
  print (filter (`elem` "aeiou") "functional programming")
  print (map ("pre" ++) ["fix", "view"], map (++ "!") ["hey", "ho"])
  print ((map (* 2) . filter odd) [1 .. 10 :: Int])
  print (zipWith ($) [(+ 1), (* 2), subtract 3] [10, 20, 30 :: Int])
  print (map (<-> 1) [5, 6], map (1 <->) [5, 6])
  print ((- 1) :: Int, negate 5 `div` 2 :: Int, - 5 `div` 2 :: Int)
  print (2 ^ 3 ^ 2 :: Int, (2 ^ 3) ^ 2 :: Int, 2 - 3 - 4 :: Int)
  print (foldr (<->) 0 [1, 2, 3], foldl (<->) 0 [1, 2, 3])
  print (let infixl 1 & ; x & f = f x in 5 & (+ 1) & (* 2) :: Int)
