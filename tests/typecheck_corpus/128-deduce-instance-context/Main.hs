data Box a = Box a

instance Show (Box a) where
  show (Box x) = "Box " ++ show x

main :: IO ()
main = print (Box 'x')
