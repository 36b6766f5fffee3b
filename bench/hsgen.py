"""Generated multi-module Haskell programs for the front-end benchmark.

``generate_program(modules, units, seed)`` returns ``modules + 1`` source texts in
dependency order: ``Bench.Base``, a small module of helpers over the Prelude
(``when``, a class with a default method and an instance, a derived data type), then
``Bench.M1`` ... ``Bench.M<modules>``. Module ``i`` imports ``Bench.Base`` and up to
three earlier modules (one of them qualified) and consists of ``units`` units, each
about 45 lines of ordinary Haskell: a data type with a record constructor and a
strict field, a class with a default method, an instance, and functions using guards,
``where``, ``case``, ``let``, ``if``, lambdas, ``do``, list comprehensions, sections,
arithmetic sequences, operators with fixity declarations, and calls into the
imported modules. The text is laid out by indentation, as people write it, so the
layout algorithm does real work. Deterministic per seed.

The programs are **well typed** Haskell 2010 with the implicit Prelude: they pass
our typechecker (``typecheck_renamed``) and ``ghc -fno-code -XHaskell2010``
(tests/bench/test_bench_frontend.py checks ours; bench/README.md records GHC's), so
both front ends do the same whole job on them. Renaming and typechecking them needs
package base (ours: ifacedir/lib/base; GHC's: its own), which the front-end benchmark
loads once, untimed, before timing the program's modules.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Final

__all__ = ["BASE_MODULE", "GeneratedModule", "generate_program"]

BASE_MODULE: Final = "Bench.Base"

_BASE: Final = """\
module Bench.Base
  ( when, unless, (|>), applyTwice, clamp, average, Pair(..), swapPair, Container(..)
  ) where

infixl 1 |>

-- | Control.Monad's, which the Prelude does not export.
when :: Monad m => Bool -> m () -> m ()
when c act = if c then act else return ()

unless :: Monad m => Bool -> m () -> m ()
unless c = when (not c)

(|>) :: a -> (a -> b) -> b
x |> f = f x

applyTwice :: (a -> a) -> a -> a
applyTwice f = f . f

clamp :: Ord a => a -> a -> a -> a
clamp lo hi x
  | x < lo = lo
  | x > hi = hi
  | otherwise = x

average :: [Int] -> Int
average [] = 0
average xs = sum xs `div` length xs

data Pair a b = Pair a b
  deriving (Eq, Show)

swapPair :: Pair a b -> Pair b a
swapPair (Pair a b) = Pair b a

class Container f where
  empty :: f a
  insert :: a -> f a -> f a
  toL :: f a -> [a]
  size :: f a -> Int
  size = length . toL

instance Container [] where
  empty = []
  insert = (:)
  toL = id
"""

_UNIT: Final = """\
infixl 6 {op}

data Shape{k} a
  = Circle{k} a
  | Rect{k} {{ width{k} :: a, height{k} :: !Int }}
  | Poly{k} [a] (Maybe (Shape{k} a))

class Sized{k} f where
  size{k} :: f a -> Int
  describe{k} :: f a -> [Int]
  describe{k} x = [size{k} x, size{k} x + 1]

instance Sized{k} Shape{k} where
  size{k} (Circle{k} _) = 1
  size{k} (Rect{k} {{}}) = 2
  size{k} (Poly{k} ps rest) = length ps + maybe{k} rest

maybe{k} :: Maybe (Shape{k} a) -> Int
maybe{k} Nothing = 0
maybe{k} (Just s) = size{k} s

({op}) :: Int -> Int -> Int
x {op} y = x * 2 + y - 1

classify{k} :: Int -> [Int] -> Int
classify{k} n xs
  | n < 0 = negate n
  | n == 0, let m = length xs, m > 3 = m {op} n
  | otherwise = case xs of
      [] -> n
      (y : ys)
        | y > n -> go y ys
        | otherwise -> total `div` (n + 1)
  where
    total = sum [x * y | x <- xs, y <- [1 .. n], x /= y]
    go acc [] = acc
    go acc (z : zs) = go (acc + z) zs

transform{k} :: [Int] -> [Int]
transform{k} = map (\\x -> if x > 10 then x `mod` 3 else x {op} 2) . filter{k} (> 0)

filter{k} :: (a -> Bool) -> [a] -> [a]
filter{k} p xs = [x | x <- xs, p x]

main{k} :: IO ()
main{k} = do
  let xs = transform{k} [1, 3 .. 99]
      n = classify{k} 7 xs
  print n
  print (clamp 0 9 n, average (toL (insert n [1, 2])), Pair n 'x' == swapPair (Pair 'x' n))
  when (n > 2) $ do
    print (describe{k} (Rect{k} {{ width{k} = n, height{k} = 4 }}))
    print [size{k} s | s <- [Circle{k} 1, Poly{k} xs Nothing]]
  r <- return ({use})
  print r
"""


@dataclass(frozen=True)
class GeneratedModule:
    name: str
    file: str
    text: str

    @property
    def lines(self) -> int:
        return self.text.count("\n")


def _operator(index: int) -> str:
    """A distinct symbolic operator per unit: ``|`` + base-6 digits as symbols + ``|``
    (``<`` ... ``>`` would make ``<$>`` and ``<*>``, which clash with the Prelude's)."""
    digits = "!#$%&*"
    text = ""
    while True:
        index, rem = divmod(index, len(digits))
        text = digits[rem] + text
        if index == 0:
            return "|" + text + "|"


def _module(i: int, units: int, rng: random.Random) -> GeneratedModule:
    name = f"Bench.M{i}"
    earlier = list(range(1, i))
    imported = sorted(rng.sample(earlier, min(3, len(earlier))))
    lines = [
        f"module {name} where",
        "",
        f"import {BASE_MODULE}",
    ]
    uses = ["n"]
    for pos, j in enumerate(imported):
        unit = rng.randrange(units)
        k = f"{j}_{unit}"
        if pos == 0:
            lines.append(f"import qualified Bench.M{j} as Q{j}")
            uses.append(f"Q{j}.classify{k} n xs")
        else:
            lines.append(f"import Bench.M{j}")
            uses.append(f"length (transform{k} xs)")
    lines.append("")
    for u in range(units):
        k = f"{i}_{u}"
        op = _operator(i * units + u)
        use = " + ".join(rng.sample(uses, min(2, len(uses))))
        lines.append(_UNIT.format(k=k, op=op, use=use))
    return GeneratedModule(name, f"Bench/M{i}.hs", "\n".join(lines))


def generate_program(modules: int, units: int, seed: int = 0) -> list[GeneratedModule]:
    """``Bench.Base`` and ``modules`` generated modules, in dependency order."""
    if modules < 1 or units < 1:
        raise ValueError("modules and units must be at least 1")
    out = [GeneratedModule(BASE_MODULE, "Bench/Base.hs", _BASE)]
    for i in range(1, modules + 1):
        out.append(_module(i, units, random.Random(f"{seed}:{i}")))
    return out
