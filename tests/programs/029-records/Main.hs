module Main (main) where

-- Records: construction with fields in any order, selectors, update
-- (one and several fields), field patterns, C {} patterns, several
-- constructors sharing a field, derived Show and Eq.
data Employee = Employee
  { name :: String
  , age :: Int
  , salary :: Double
  , manager :: Maybe String
  }
  deriving (Show, Eq)

data Shape
  = Circle { radius :: Double }
  | Rect { width :: Double, height :: Double }
  deriving Show

data Item
  = Book { title :: String, pages :: Int }
  | Disc { title :: String, minutes :: Int }
  deriving Show

data Config = Config { verbose :: Bool, level :: Int, tag :: String }
  deriving Show

defaultConfig :: Config
defaultConfig = Config { level = 1, tag = "none", verbose = False }

raise :: Double -> Employee -> Employee
raise pct e = e { salary = salary e * (1 + pct / 100) }

describe :: Employee -> String
describe Employee { name = n, manager = Nothing } = n ++ " has no manager"
describe Employee { name = n, manager = Just m } = n ++ " reports to " ++ m

isCircle :: Shape -> Bool
isCircle Circle {} = True
isCircle _ = False

area :: Shape -> Double
area (Circle r) = 3 * r * r
area Rect { width = w, height = h } = w * h

main :: IO ()
main = do
  let alice = Employee { name = "Alice", age = 41, salary = 5000, manager = Nothing }
      bob = Employee "Bob" 29 3200.5 (Just "Alice")
  print alice
  print (name bob, age bob, salary bob)
  print (raise 10 bob)
  print (alice { age = 42, manager = Just "Board" })
  putStrLn (describe alice)
  putStrLn (describe bob)
  print (bob == bob { age = 29 }, bob == bob { age = 30 })
  print (map isCircle [Circle 1, Rect 2 3], map area [Circle 2, Rect { height = 2, width = 5 }])
  print (Rect 1 2) { height = 10 }
  print defaultConfig
  print defaultConfig { verbose = True, tag = "debug" }
  print (map name [alice, bob], sum (map salary [alice, bob]))
  print [Just (Circle (-1.5))]
  let items = [Book "SICP" 657, Disc { minutes = 74, title = "Kind of Blue" }]
  print (map title items)
  print (map (\i -> i { title = map succ (title i) }) items)
