data Box a = Box a

instance Functor Box where
  fmap f (Box x) = Box x

main :: IO ()
main = case fmap not (Box True) of
  Box b -> print b
