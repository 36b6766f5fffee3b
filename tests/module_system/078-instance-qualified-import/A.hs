module A (T, mk) where

data T = T Int

instance Show T where
  show (T n) = "T#" ++ show n

mk :: Int -> T
mk = T
