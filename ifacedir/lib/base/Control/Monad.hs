{-# LANGUAGE NoImplicitPrelude #-}
-- | Monads and the monadic combinators (specialised to lists where GHC uses
-- Foldable or Traversable).
module Control.Monad
  ( Functor(fmap, (<$)), Monad((>>=), (>>), return), MonadFail(fail)
  , MonadPlus(mzero, mplus)
  , mapM, mapM_, forM, forM_, sequence, sequence_, (=<<), (>=>), (<=<), forever, void
  , join, msum, mfilter, filterM, mapAndUnzipM, zipWithM, zipWithM_
  , foldM, foldM_, replicateM, replicateM_, guard, when, unless
  , liftM, liftM2, liftM3, ap, (<$!>), (<$>)
  ) where

import GHC.Base
import GHC.Num
import GHC.List
import Data.Functor (void)

infixr 1 >=>, <=<
infixl 4 <$!>

forM :: Monad m => [a] -> (a -> m b) -> m [b]
forM = flip mapM

forM_ :: Monad m => [a] -> (a -> m b) -> m ()
forM_ = flip mapM_

-- | Left-to-right Kleisli composition.
(>=>) :: Monad m => (a -> m b) -> (b -> m c) -> a -> m c
f >=> g = \x -> f x >>= g

(<=<) :: Monad m => (b -> m c) -> (a -> m b) -> a -> m c
(<=<) = flip (>=>)

forever :: Applicative f => f a -> f b
forever a = let a' = a *> a' in a'

msum :: MonadPlus m => [m a] -> m a
msum = foldr mplus mzero

mfilter :: MonadPlus m => (a -> Bool) -> m a -> m a
mfilter p ma = do
  a <- ma
  if p a then return a else mzero

filterM :: Applicative m => (a -> m Bool) -> [a] -> m [a]
filterM p = foldr (\x -> liftA2 (\flg -> if flg then (x :) else id) (p x)) (pure [])

mapAndUnzipM :: Applicative m => (a -> m (b, c)) -> [a] -> m ([b], [c])
mapAndUnzipM f xs = unzip <$> traverseList f xs

zipWithM :: Applicative m => (a -> b -> m c) -> [a] -> [b] -> m [c]
zipWithM f xs ys = sequenceAList (zipWith f xs ys)

zipWithM_ :: Applicative m => (a -> b -> m c) -> [a] -> [b] -> m ()
zipWithM_ f xs ys = foldr (*>) (pure ()) (zipWith f xs ys)

foldM :: Monad m => (b -> a -> m b) -> b -> [a] -> m b
foldM _ z [] = return z
foldM f z (x : xs) = f z x >>= \z' -> foldM f z' xs

foldM_ :: Monad m => (b -> a -> m b) -> b -> [a] -> m ()
foldM_ f a xs = foldM f a xs >> return ()

replicateM :: Applicative m => Int -> m a -> m [a]
replicateM cnt0 f = loop cnt0
  where
    loop cnt
      | cnt <= 0 = pure []
      | otherwise = liftA2 (:) f (loop (cnt - 1))

replicateM_ :: Applicative m => Int -> m a -> m ()
replicateM_ cnt0 f = loop cnt0
  where
    loop cnt
      | cnt <= 0 = pure ()
      | otherwise = f *> loop (cnt - 1)

guard :: Alternative f => Bool -> f ()
guard True = pure ()
guard False = empty

unless :: Applicative f => Bool -> f () -> f ()
unless p s = if p then pure () else s

liftM3 :: Monad m => (a1 -> a2 -> a3 -> r) -> m a1 -> m a2 -> m a3 -> m r
liftM3 f m1 m2 m3 = do
  x1 <- m1
  x2 <- m2
  x3 <- m3
  return (f x1 x2 x3)

-- | Strict fmap: the result is evaluated before it is returned.
(<$!>) :: Monad m => (a -> b) -> m a -> m b
f <$!> m = do
  x <- m
  let z = f x
  z `seq` return z

traverseList :: Applicative m => (a -> m b) -> [a] -> m [b]
traverseList f = foldr (\x r -> liftA2 (:) (f x) r) (pure [])

sequenceAList :: Applicative m => [m a] -> m [a]
sequenceAList = traverseList id
