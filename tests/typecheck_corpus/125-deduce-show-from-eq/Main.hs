describe :: Eq a => a -> a -> String
describe x y = if x == y then show x else "different"

main :: IO ()
main = putStrLn (describe 'a' 'a')
