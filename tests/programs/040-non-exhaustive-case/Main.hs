module Main (main) where

-- A case expression with no alternative for the value: GHC reports the
-- span of the case, exit 1.
describe :: Maybe Int -> String
describe m = case m of
  Just 0 -> "zero"
  Just n | n > 0 -> "positive"

main :: IO ()
main = do
  putStrLn (describe (Just 0))
  putStrLn (describe (Just 5))
  putStrLn (describe (Just (-1)))
