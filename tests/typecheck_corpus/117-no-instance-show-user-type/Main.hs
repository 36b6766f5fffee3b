data Point = Point Int Int

main :: IO ()
main = print (Point 1 2)
