import Control.Applicative (liftA2)

addM = liftA2 (+)

main :: IO ()
main = print (addM (Just 1) (Just 2), addM [1, 2] [10, 20])
