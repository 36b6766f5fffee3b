module Utils
  ( Assoc
  , lookup
  , filter
  , insert
  , fromPairs
  , keys
  , shout
  ) where

import Prelude hiding (filter, lookup)
import qualified Prelude
import qualified Data.Char as Char

-- Names that clash with the Prelude's and Data.List's: the module hides the
-- Prelude's and refers to them qualified.
newtype Assoc k v = Assoc [(k, v)]

instance (Show k, Show v) => Show (Assoc k v) where
  show (Assoc kvs) = "{" ++ concatMap (\(k, v) -> " " ++ show k ++ "=" ++ show v) kvs ++ " }"

lookup :: Eq k => k -> Assoc k v -> Maybe v
lookup k (Assoc kvs) = Prelude.lookup k kvs

filter :: (v -> Bool) -> Assoc k v -> Assoc k v
filter p (Assoc kvs) = Assoc (Prelude.filter (p . snd) kvs)

insert :: Eq k => k -> v -> Assoc k v -> Assoc k v
insert k v (Assoc kvs) = Assoc ((k, v) : Prelude.filter ((/= k) . fst) kvs)

fromPairs :: Eq k => [(k, v)] -> Assoc k v
fromPairs = foldr (uncurry insert) (Assoc [])

keys :: Assoc k v -> [k]
keys (Assoc kvs) = map fst kvs

shout :: String -> String
shout = map Char.toUpper
