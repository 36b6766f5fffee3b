{-# LANGUAGE NoImplicitPrelude #-}
-- | The basic classes and functions: equality and ordering, the Functor /
-- Applicative / Monad hierarchy, Maybe and Either, and the combinators every
-- other module needs.  (GHC splits this between GHC.Classes, GHC.Base, GHC.Maybe,
-- Data.Either and GHC.Err.)
--
-- No numeric literals are used in this module: a literal means
-- 'GHC.Num.fromInteger', which is defined above this module.
module GHC.Base
  ( -- * Classes
    Eq((==), (/=))
  , Ord(compare, (<), (<=), (>), (>=), max, min)
  , Functor(fmap, (<$))
  , Applicative(pure, (<*>), liftA2, (*>), (<*))
  , Monad((>>=), (>>), return)
  , MonadFail(fail)
  , Alternative(empty, (<|>), some, many)
  , MonadPlus(mzero, mplus)
    -- * Types
  , Bool(False, True), Ordering(LT, EQ, GT), Char, Int, Integer, Double, Float, IO
  , String
  , Maybe(Nothing, Just)
  , Either(Left, Right)
    -- * Booleans
  , (&&), (||), not, otherwise
    -- * Functions
  , id, const, (.), flip, ($), ($!), seq, until, asTypeOf
  , maybe, either
    -- * Errors
  , error, errorWithoutStackTrace, undefined
    -- * Lists
  , map, (++), foldr
    -- * Monadic combinators
  , (<$>), (<**>), liftA, liftA3, (=<<), when, sequence, sequence_, mapM, mapM_
  , liftM, liftM2, ap, join
    -- * Characters
  , ord, unsafeChr
    -- * Helpers used by the instances of other modules
  , thenCmp, lexLt
  ) where

import GHC.Types
import GHC.Prim

infixr 9 .
infixr 5 ++
infix 4 ==, /=, <, <=, >=, >
infixl 4 <$>, <$, <*>, *>, <*, <**>
infixl 3 <|>
infixr 3 &&
infixr 2 ||
infixl 1 >>, >>=
infixr 1 =<<
infixr 0 $, $!, `seq`

-- | Strings are lists of characters.
type String = [Char]

-- Eq and Ord ------------------------------------------------------------------------

class Eq a where
  (==), (/=) :: a -> a -> Bool
  x /= y = not (x == y)
  x == y = not (x /= y)

class Eq a => Ord a where
  compare :: a -> a -> Ordering
  (<), (<=), (>), (>=) :: a -> a -> Bool
  max, min :: a -> a -> a

  compare x y
    | x == y = EQ
    | x <= y = LT
    | otherwise = GT
  x < y = case compare x y of
    LT -> True
    _ -> False
  x <= y = case compare x y of
    GT -> False
    _ -> True
  x > y = case compare x y of
    GT -> True
    _ -> False
  x >= y = case compare x y of
    LT -> False
    _ -> True
  max x y = if x <= y then y else x
  min x y = if x <= y then x else y

-- | Lexicographic combination of two comparisons.
thenCmp :: Ordering -> Ordering -> Ordering
thenCmp EQ o = o
thenCmp o _ = o

-- | @lexLt c r@: the result of @<@ on a product whose first components compared
-- as @c@ and whose remaining components give @r@.  Derived-style Ord instances
-- (GHC's rule for types of one to three constructors) define @<@ this way, with the
-- last field compared by its own @<@, and @x <= y = not (y < x)@,
-- @x > y = y < x@, @x >= y = not (x < y)@; the difference from going through
-- 'compare' is observable with NaN.
lexLt :: Ordering -> Bool -> Bool
lexLt LT _ = True
lexLt GT _ = False
lexLt EQ r = r

instance Eq Bool where
  True == True = True
  False == False = True
  _ == _ = False

instance Ord Bool where
  compare False True = LT
  compare True False = GT
  compare _ _ = EQ

instance Eq Ordering where
  LT == LT = True
  EQ == EQ = True
  GT == GT = True
  _ == _ = False

instance Ord Ordering where
  compare LT LT = EQ
  compare LT _ = LT
  compare EQ LT = GT
  compare EQ EQ = EQ
  compare EQ GT = LT
  compare GT GT = EQ
  compare GT _ = GT

instance Eq () where
  _ == _ = True

instance Ord () where
  compare _ _ = EQ

instance Eq Char where
  c == d = primIntEq (primCharToInt c) (primCharToInt d)

instance Ord Char where
  compare c d = compareInt (primCharToInt c) (primCharToInt d)
  c < d = primIntLt (primCharToInt c) (primCharToInt d)
  c <= d = primIntLe (primCharToInt c) (primCharToInt d)
  c > d = primIntLt (primCharToInt d) (primCharToInt c)
  c >= d = primIntLe (primCharToInt d) (primCharToInt c)

compareInt :: Int -> Int -> Ordering
compareInt x y
  | primIntLt x y = LT
  | primIntEq x y = EQ
  | otherwise = GT

instance Eq Int where
  (==) = primIntEq

instance Ord Int where
  compare = compareInt
  (<) = primIntLt
  (<=) = primIntLe
  x > y = primIntLt y x
  x >= y = primIntLe y x

instance Eq Integer where
  (==) = primIntegerEq

instance Ord Integer where
  compare x y
    | primIntegerLt x y = LT
    | primIntegerEq x y = EQ
    | otherwise = GT
  (<) = primIntegerLt
  (<=) = primIntegerLe
  x > y = primIntegerLt y x
  x >= y = primIntegerLe y x

-- | IEEE comparisons: every comparison with NaN is False, and @compare@ with
-- NaN gives GT, as in GHC.
instance Eq Double where
  (==) = primDoubleEq

instance Ord Double where
  compare x y
    | primDoubleLt x y = LT
    | primDoubleEq x y = EQ
    | otherwise = GT
  (<) = primDoubleLt
  (<=) = primDoubleLe
  x > y = primDoubleLt y x
  x >= y = primDoubleLe y x

instance Eq Float where
  x == y = primDoubleEq (primFloatToDouble x) (primFloatToDouble y)

instance Ord Float where
  compare x y = compare (primFloatToDouble x) (primFloatToDouble y)
  x < y = primDoubleLt (primFloatToDouble x) (primFloatToDouble y)
  x <= y = primDoubleLe (primFloatToDouble x) (primFloatToDouble y)
  x > y = primDoubleLt (primFloatToDouble y) (primFloatToDouble x)
  x >= y = primDoubleLe (primFloatToDouble y) (primFloatToDouble x)

instance Eq a => Eq [a] where
  [] == [] = True
  (x : xs) == (y : ys) = x == y && xs == ys
  _ == _ = False

instance Ord a => Ord [a] where
  compare [] [] = EQ
  compare [] (_ : _) = LT
  compare (_ : _) [] = GT
  compare (x : xs) (y : ys) = case compare x y of
    EQ -> compare xs ys
    other -> other

instance (Eq t1, Eq t2) => Eq (t1, t2) where
  (a1, a2) == (b1, b2) = a1 == b1 && a2 == b2

instance (Ord t1, Ord t2) => Ord (t1, t2) where
  compare (a1, a2) (b1, b2) = compare a1 b1 `thenCmp` compare a2 b2
  (a1, a2) < (b1, b2) = lexLt (compare a1 b1) (a2 < b2)
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

instance (Eq t1, Eq t2, Eq t3) => Eq (t1, t2, t3) where
  (a1, a2, a3) == (b1, b2, b3) = a1 == b1 && a2 == b2 && a3 == b3

instance (Ord t1, Ord t2, Ord t3) => Ord (t1, t2, t3) where
  compare (a1, a2, a3) (b1, b2, b3) = compare a1 b1 `thenCmp` compare a2 b2 `thenCmp` compare a3 b3
  (a1, a2, a3) < (b1, b2, b3) = lexLt (compare a1 b1) (lexLt (compare a2 b2) (a3 < b3))
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

instance (Eq t1, Eq t2, Eq t3, Eq t4) => Eq (t1, t2, t3, t4) where
  (a1, a2, a3, a4) == (b1, b2, b3, b4) = a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4

instance (Ord t1, Ord t2, Ord t3, Ord t4) => Ord (t1, t2, t3, t4) where
  compare (a1, a2, a3, a4) (b1, b2, b3, b4) = compare a1 b1 `thenCmp` compare a2 b2 `thenCmp` compare a3 b3 `thenCmp` compare a4 b4
  (a1, a2, a3, a4) < (b1, b2, b3, b4) = lexLt (compare a1 b1) (lexLt (compare a2 b2) (lexLt (compare a3 b3) (a4 < b4)))
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

instance (Eq t1, Eq t2, Eq t3, Eq t4, Eq t5) => Eq (t1, t2, t3, t4, t5) where
  (a1, a2, a3, a4, a5) == (b1, b2, b3, b4, b5) = a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4 && a5 == b5

instance (Ord t1, Ord t2, Ord t3, Ord t4, Ord t5) => Ord (t1, t2, t3, t4, t5) where
  compare (a1, a2, a3, a4, a5) (b1, b2, b3, b4, b5) = compare a1 b1 `thenCmp` compare a2 b2 `thenCmp` compare a3 b3 `thenCmp` compare a4 b4 `thenCmp` compare a5 b5
  (a1, a2, a3, a4, a5) < (b1, b2, b3, b4, b5) = lexLt (compare a1 b1) (lexLt (compare a2 b2) (lexLt (compare a3 b3) (lexLt (compare a4 b4) (a5 < b5))))
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

instance (Eq t1, Eq t2, Eq t3, Eq t4, Eq t5, Eq t6) => Eq (t1, t2, t3, t4, t5, t6) where
  (a1, a2, a3, a4, a5, a6) == (b1, b2, b3, b4, b5, b6) = a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4 && a5 == b5 && a6 == b6

instance (Ord t1, Ord t2, Ord t3, Ord t4, Ord t5, Ord t6) => Ord (t1, t2, t3, t4, t5, t6) where
  compare (a1, a2, a3, a4, a5, a6) (b1, b2, b3, b4, b5, b6) = compare a1 b1 `thenCmp` compare a2 b2 `thenCmp` compare a3 b3 `thenCmp` compare a4 b4 `thenCmp` compare a5 b5 `thenCmp` compare a6 b6
  (a1, a2, a3, a4, a5, a6) < (b1, b2, b3, b4, b5, b6) = lexLt (compare a1 b1) (lexLt (compare a2 b2) (lexLt (compare a3 b3) (lexLt (compare a4 b4) (lexLt (compare a5 b5) (a6 < b6)))))
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

instance (Eq t1, Eq t2, Eq t3, Eq t4, Eq t5, Eq t6, Eq t7) => Eq (t1, t2, t3, t4, t5, t6, t7) where
  (a1, a2, a3, a4, a5, a6, a7) == (b1, b2, b3, b4, b5, b6, b7) = a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4 && a5 == b5 && a6 == b6 && a7 == b7

instance (Ord t1, Ord t2, Ord t3, Ord t4, Ord t5, Ord t6, Ord t7) => Ord (t1, t2, t3, t4, t5, t6, t7) where
  compare (a1, a2, a3, a4, a5, a6, a7) (b1, b2, b3, b4, b5, b6, b7) = compare a1 b1 `thenCmp` compare a2 b2 `thenCmp` compare a3 b3 `thenCmp` compare a4 b4 `thenCmp` compare a5 b5 `thenCmp` compare a6 b6 `thenCmp` compare a7 b7
  (a1, a2, a3, a4, a5, a6, a7) < (b1, b2, b3, b4, b5, b6, b7) = lexLt (compare a1 b1) (lexLt (compare a2 b2) (lexLt (compare a3 b3) (lexLt (compare a4 b4) (lexLt (compare a5 b5) (lexLt (compare a6 b6) (a7 < b7))))))
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

-- Maybe and Either ----------------------------------------------------------------

-- | An optional value.
data Maybe a = Nothing | Just a

instance Eq a => Eq (Maybe a) where
  Nothing == Nothing = True
  Just x == Just y = x == y
  _ == _ = False

instance Ord a => Ord (Maybe a) where
  compare Nothing Nothing = EQ
  compare Nothing (Just _) = LT
  compare (Just _) Nothing = GT
  compare (Just x) (Just y) = compare x y
  Just x < Just y = x < y
  Nothing < Just _ = True
  _ < _ = False
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

-- | @maybe d f m@: @d@ for 'Nothing', @f x@ for @Just x@.
maybe :: b -> (a -> b) -> Maybe a -> b
maybe d _ Nothing = d
maybe _ f (Just x) = f x

-- | A value of one of two types.
data Either a b = Left a | Right b

instance (Eq a, Eq b) => Eq (Either a b) where
  Left x == Left y = x == y
  Right x == Right y = x == y
  _ == _ = False

instance (Ord a, Ord b) => Ord (Either a b) where
  compare (Left x) (Left y) = compare x y
  compare (Left _) (Right _) = LT
  compare (Right _) (Left _) = GT
  compare (Right x) (Right y) = compare x y
  Left x < Left y = x < y
  Right x < Right y = x < y
  Left _ < Right _ = True
  _ < _ = False
  x <= y = not (y < x)
  x > y = y < x
  x >= y = not (x < y)

-- | Case analysis on Either.
either :: (a -> c) -> (b -> c) -> Either a b -> c
either f _ (Left x) = f x
either _ g (Right y) = g y

-- Booleans and functions -----------------------------------------------------------

-- | Lazy in the second argument.
(&&) :: Bool -> Bool -> Bool
True && x = x
False && _ = False

-- | Lazy in the second argument.
(||) :: Bool -> Bool -> Bool
True || _ = True
False || x = x

not :: Bool -> Bool
not True = False
not False = True

otherwise :: Bool
otherwise = True

id :: a -> a
id x = x

const :: a -> b -> a
const x _ = x

(.) :: (b -> c) -> (a -> b) -> a -> c
(.) f g = \x -> f (g x)

flip :: (a -> b -> c) -> b -> a -> c
flip f x y = f y x

($) :: (a -> b) -> a -> b
f $ x = f x

-- | Strict application: evaluates the argument to weak head normal form first.
($!) :: (a -> b) -> a -> b
f $! x = x `seq` f x

-- | Evaluates the first argument to weak head normal form, returns the second.
seq :: a -> b -> b
seq = primSeq

-- | @until p f x@ applies @f@ to @x@ until @p@ holds.
until :: (a -> Bool) -> (a -> a) -> a -> a
until p f = go
  where
    go x
      | p x = x
      | otherwise = go (f x)

asTypeOf :: a -> a -> a
asTypeOf = const

-- Errors ----------------------------------------------------------------------------

-- | Stops the program with the message.  (GHC also prints a call stack.)
error :: [Char] -> a
error s = primError s

errorWithoutStackTrace :: [Char] -> a
errorWithoutStackTrace s = primError s

undefined :: a
undefined = error "Prelude.undefined"

-- Lists -----------------------------------------------------------------------------

map :: (a -> b) -> [a] -> [b]
map _ [] = []
map f (x : xs) = f x : map f xs

(++) :: [a] -> [a] -> [a]
[] ++ ys = ys
(x : xs) ++ ys = x : (xs ++ ys)

-- | Right fold, lazy: @foldr f z (x1 : x2 : ...) = f x1 (f x2 ...)@.
foldr :: (a -> b -> b) -> b -> [a] -> b
foldr f z = go
  where
    go [] = z
    go (x : xs) = f x (go xs)

-- Characters ---------------------------------------------------------------------------

-- | The code point of a character.
ord :: Char -> Int
ord = primCharToInt

-- | The character of a code point, unchecked (see Data.Char.chr).
unsafeChr :: Int -> Char
unsafeChr = primIntToChar

-- Functor, Applicative, Monad --------------------------------------------------------

class Functor f where
  fmap :: (a -> b) -> f a -> f b
  (<$) :: a -> f b -> f a
  (<$) = fmap . const

class Functor f => Applicative f where
  pure :: a -> f a
  (<*>) :: f (a -> b) -> f a -> f b
  liftA2 :: (a -> b -> c) -> f a -> f b -> f c
  (*>) :: f a -> f b -> f b
  (<*) :: f a -> f b -> f a
  (<*>) = liftA2 id
  liftA2 f x y = fmap f x <*> y
  a1 *> a2 = (id <$ a1) <*> a2
  (<*) = liftA2 const

class Applicative m => Monad m where
  (>>=) :: m a -> (a -> m b) -> m b
  (>>) :: m a -> m b -> m b
  return :: a -> m a
  m >> k = m >>= \_ -> k
  return = pure

-- | The monads in which a failed pattern match in @do@ notation calls 'fail'.
class Monad m => MonadFail m where
  fail :: String -> m a

-- | Monoids on applicative functors.
class Applicative f => Alternative f where
  empty :: f a
  (<|>) :: f a -> f a -> f a
  some :: f a -> f [a]
  many :: f a -> f [a]
  some v = liftA2 (:) v (many v)
  many v = some v <|> pure []

class (Alternative m, Monad m) => MonadPlus m where
  mzero :: m a
  mplus :: m a -> m a -> m a
  mzero = empty
  mplus = (<|>)

(<$>) :: Functor f => (a -> b) -> f a -> f b
(<$>) = fmap

(<**>) :: Applicative f => f a -> f (a -> b) -> f b
(<**>) = liftA2 (\a f -> f a)

liftA :: Applicative f => (a -> b) -> f a -> f b
liftA f a = pure f <*> a

liftA3 :: Applicative f => (a -> b -> c -> d) -> f a -> f b -> f c -> f d
liftA3 f a b c = liftA2 f a b <*> c

(=<<) :: Monad m => (a -> m b) -> m a -> m b
f =<< x = x >>= f

when :: Applicative f => Bool -> f () -> f ()
when p s = if p then s else pure ()

-- | List-specialised (GHC: Traversable).
sequence :: Monad m => [m a] -> m [a]
sequence = mapM id

-- | List-specialised (GHC: Traversable).
mapM :: Monad m => (a -> m b) -> [a] -> m [b]
mapM f = foldr k (return [])
  where
    k a r = do
      x <- f a
      xs <- r
      return (x : xs)

-- | List-specialised (GHC: Foldable).
sequence_ :: Monad m => [m a] -> m ()
sequence_ = foldr (>>) (return ())

-- | List-specialised (GHC: Foldable).
mapM_ :: Monad m => (a -> m b) -> [a] -> m ()
mapM_ f = foldr (\x k -> f x >> k) (return ())

liftM :: Monad m => (a1 -> r) -> m a1 -> m r
liftM f m1 = do
  x1 <- m1
  return (f x1)

liftM2 :: Monad m => (a1 -> a2 -> r) -> m a1 -> m a2 -> m r
liftM2 f m1 m2 = do
  x1 <- m1
  x2 <- m2
  return (f x1 x2)

ap :: Monad m => m (a -> b) -> m a -> m b
ap m1 m2 = do
  f <- m1
  x <- m2
  return (f x)

join :: Monad m => m (m a) -> m a
join x = x >>= id

-- Instances: lists ------------------------------------------------------------------

instance Functor [] where
  fmap = map

instance Applicative [] where
  pure x = [x]
  fs <*> xs = [f x | f <- fs, x <- xs]
  liftA2 f xs ys = [f x y | x <- xs, y <- ys]
  xs *> ys = [y | _ <- xs, y <- ys]

instance Monad [] where
  xs >>= f = [y | x <- xs, y <- f x]
  (>>) = (*>)

instance MonadFail [] where
  fail _ = []

instance Alternative [] where
  empty = []
  (<|>) = (++)

instance MonadPlus []

-- Instances: Maybe -----------------------------------------------------------------

instance Functor Maybe where
  fmap _ Nothing = Nothing
  fmap f (Just a) = Just (f a)

instance Applicative Maybe where
  pure = Just
  Just f <*> m = fmap f m
  Nothing <*> _ = Nothing
  liftA2 f (Just x) (Just y) = Just (f x y)
  liftA2 _ _ _ = Nothing
  Just _ *> m = m
  Nothing *> _ = Nothing

instance Monad Maybe where
  (Just x) >>= k = k x
  Nothing >>= _ = Nothing
  (>>) = (*>)

instance MonadFail Maybe where
  fail _ = Nothing

instance Alternative Maybe where
  empty = Nothing
  Nothing <|> r = r
  l <|> _ = l

instance MonadPlus Maybe

-- Instances: Either e -----------------------------------------------------------

instance Functor (Either e) where
  fmap _ (Left x) = Left x
  fmap f (Right y) = Right (f y)

instance Applicative (Either e) where
  pure = Right
  Left e <*> _ = Left e
  Right f <*> r = fmap f r

instance Monad (Either e) where
  Left l >>= _ = Left l
  Right r >>= k = k r

-- Instances: IO ---------------------------------------------------------------------

instance Functor IO where
  fmap f m = primBindIO m (\x -> primReturnIO (f x))

instance Applicative IO where
  pure = primReturnIO
  mf <*> mx = primBindIO mf (\f -> primBindIO mx (\x -> primReturnIO (f x)))
  liftA2 f ma mb = primBindIO ma (\a -> primBindIO mb (\b -> primReturnIO (f a b)))
  ma *> mb = primBindIO ma (\_ -> mb)

instance Monad IO where
  (>>=) = primBindIO
  ma >> mb = primBindIO ma (\_ -> mb)

-- | @fail s@ raises @userError s@, as in GHC.
instance MonadFail IO where
  fail s = primIoError (primUserError s)

-- Instances: functions and pairs -------------------------------------------------------

instance Functor ((->) r) where
  fmap = (.)

instance Functor ((,) a) where
  fmap f (x, y) = (x, f y)
