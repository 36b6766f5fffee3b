data Person = Person { name :: String, age :: Int, email :: Maybe String }
  deriving (Show, Eq)

data Shape = Circle { radius :: Double } | Rect { width, height :: Double }
  deriving Show

birthday p = p { age = age p + 1 }

isCircle Circle {} = True
isCircle _ = False

area Circle { radius = r } = pi * r * r
area (Rect w h) = w * h

greet Person { name = n, email = Just e } = n ++ " <" ++ e ++ ">"
greet Person { name = n } = n

main :: IO ()
main = do
  let ann = Person { name = "Ann", age = 41, email = Nothing }
      bob = ann { name = "Bob", email = Just "b@x" }
  print (birthday ann)
  putStrLn (greet ann ++ ", " ++ greet bob)
  print (map isCircle [Circle 1, Rect 2 3], map area [Circle 1, Rect { height = 2, width = 5 }])
  print ((Rect 1 2) { height = 9 }, age bob)
