fromJust' :: Maybe Int -> Int
fromJust' (Just x y) = x
fromJust' Nothing = 0

main :: IO ()
main = print (fromJust' (Just 1))
