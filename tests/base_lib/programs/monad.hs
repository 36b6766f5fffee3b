-- Functor / Applicative / Monad instances and Control.Monad.
import Control.Monad
import Control.Applicative
import Data.Functor ((<&>), ($>))
import Data.Maybe
import Data.Either

safeDiv :: Int -> Int -> Maybe Int
safeDiv _ 0 = Nothing
safeDiv a b = Just (a `div` b)

newtype Parser a = Parser (String -> [(a, String)])

runParser :: Parser a -> String -> [(a, String)]
runParser (Parser p) = p

instance Functor Parser where
  fmap f (Parser p) = Parser (\s -> [(f a, r) | (a, r) <- p s])

instance Applicative Parser where
  pure x = Parser (\s -> [(x, s)])
  Parser pf <*> Parser pa = Parser (\s -> [(f a, r2) | (f, r1) <- pf s, (a, r2) <- pa r1])

instance Monad Parser where
  Parser p >>= f = Parser (\s -> concat [runParser (f a) r | (a, r) <- p s])

item :: Parser Char
item = Parser (\s -> case s of { [] -> []; (c : cs) -> [(c, cs)] })

main :: IO ()
main = do
  print (fmap (+ 1) (Just (2 :: Int)), (+ 1) <$> [1, 2, 3 :: Int], 'x' <$ Just True, Just 5 <&> (* (2 :: Int)))
  print (pure 3 :: Maybe Int, Just (+ (3 :: Int)) <*> Just 4, [(+ 1), (* 2)] <*> [10, 20 :: Int], Just (1 :: Int) *> Just 'b', Just 'a' <* Just ())
  print (liftA2 (+) (Just 1) (Just (2 :: Int)), Nothing <|> Just 'a', [1, 2] <|> [3 :: Int], Just 'q' $> 'r')
  print (Just 10 >>= safeDiv 100, Just 10 >>= safeDiv 100 >>= safeDiv 7 >>= safeDiv 1, Just 0 >>= safeDiv 1)
  print ([1, 2, 3] >>= \x -> [x, x * 10 :: Int], do { x <- [1, 2, 3]; y <- "ab"; return (x :: Int, y) })
  print (do { (a, 'x') <- Just (1 :: Int, 'y'); return a }, do { Just z <- [Just 'a', Nothing, Just 'c']; return z })
  print (sequence [Just 1, Just (2 :: Int)], sequence [Just 1, Nothing :: Maybe Int], sequence [[1, 2], [3, 4 :: Int]])
  print (mapM (\x -> if x > 0 then Just x else Nothing) [1, 2, 3 :: Int], zipWithM safeDiv [10, 20] [2, 0])
  print (replicateM 2 "ab", filterM (const [True, False]) [1, 2, 3 :: Int], foldM safeDiv 1000 [2, 5, 10])
  print (join [[1], [2, 3 :: Int]], join (Just (Just 'j')), void (Just 'v'), guard True :: Maybe (), guard False :: [()])
  print (liftM (* 2) (Just (4 :: Int)), liftM2 (+) [1, 2] [10, 20 :: Int], ap [succ] "ab", msum [Nothing, Just 1, Just (2 :: Int)])
  print ((safeDiv 100 >=> safeDiv 50) 5, (safeDiv 100 <=< safeDiv 50) 5, mfilter even (Just (4 :: Int)), mplus [1] [2 :: Int])
  print (Right 3 >>= (\x -> if x > 2 then Left "too big" else Right (x :: Int)) :: Either String Int, fmap (+ 1) (Left 'e' :: Either Char Int))
  print (either show (map succ) (Right "ab" :: Either Int String), lefts [Left 1, Right 'a', Left (2 :: Int)], partitionEithers [Left 'a', Right (1 :: Int), Left 'b'])
  print (catMaybes [Just 1, Nothing, Just (3 :: Int)], mapMaybe (\x -> if odd x then Just (x * x) else Nothing) [1 .. 6 :: Int], fromMaybe 0 Nothing + (1 :: Int))
  print (isJust (Just ()), isNothing (Just ()), listToMaybe [1, 2 :: Int], maybeToList (Nothing :: Maybe Int), fromLeft 'd' (Right 'x' :: Either Char Char))
  print (runParser (do { a <- item; b <- item; return [b, a] }) "xyz", runParser (fmap succ item) "a")
  print (optional (Just 'o'), optional (Nothing :: Maybe Int), (,) <$> Just 'a' <*> Just True, Just 3 <**> Just (+ (1 :: Int)))
  forM_ [1, 2 :: Int] print
  mapM_ print "ab"
  xs <- forM [1, 2, 3 :: Int] (\x -> return (x * x))
  print xs
  zipWithM_ (\a b -> putStrLn (a ++ "=" ++ show b)) ["x", "y"] [1, 2 :: Int]
  replicateM_ 2 (putStr "rep ")
  putStrLn ""
  ys <- mapM (return . succ) "HAL"
  putStrLn ys
  sequence_ [putStr "a", putStr "b", putStrLn "c"]
  z <- fmap length getArgsLike
  print z
  (r, s) <- mapAndUnzipM (\x -> return (x, x * 2)) [1, 2, 3 :: Int]
  print (r, s)
  print =<< return 'w'
  m <- (\x -> x + (1 :: Int)) <$!> return 41
  print m
  where
    getArgsLike = return "three"
