"""Printing types and schemes as GHC 9.0.2 does (Note [Printing types like GHC]).

The schemes below are built by hand as inference will build them (variables
quantified in order of appearance, ``quantify``) and compared with what GHC printed
for the same bindings, after GHC's variable names are replaced by a, b, c, ... in
order of appearance and ``{v}`` binders (inferred variables) by ``v``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tc_builders import (
    EQ,
    FUNCTOR,
    MAYBE,
    MONAD,
    NUM,
    ORD,
    ap,
    base_class,
    normalise_ghc,
    pred,
    tcon,
    tv,
)

from ifacedir.syntax.types import (
    STAR,
    T_ARROW,
    T_BOOL,
    T_CHAR,
    T_INT,
    T_IO,
    T_LIST,
    T_UNIT,
    KFun,
    Pred,
    Qual,
    Scheme,
    TGen,
    Type,
    TypePrinter,
    fn,
    kind_arity,
    list_type,
    pretty_kind,
    pretty_pred,
    pretty_scheme,
    pretty_type,
    tuple_type,
)
from ifacedir.typecheck.subst import free_tyvars, quantify

GHC_SOURCE = """\
module G where
elem' :: Eq a => a -> [a] -> Bool
elem' _ [] = False
elem' x (y:ys) = x == y || elem' x ys
pair x y = (x, y)
triple x y z = (z, [y], (x, ()))
unit = ()
compose f g x = f (g x)
lookup' k [] = Nothing
lookup' k ((k',v):kvs) = if k == k' then Just v else lookup' k kvs
fmap2 f = fmap (fmap f)
hof :: (a -> b) -> [a] -> [(a, b)]
hof f xs = zip xs (map f xs)
io = putStrLn "hi" >> return ()
cmp x y = compare x y == LT
sumsq xs = sum (map (\\x -> x * x) xs)
fns = [id, not]
nested = Just (Just [Just 'c'])
app2 h = h 1 2.5
seqio :: Monad m => [m a] -> m [a]
seqio = sequence
"""

# $ ghc -fno-code -ddump-types -XHaskell2010 G.hs   (GHC 9.0.2; TYPE SIGNATURES section)
GHC_OUTPUT = """\
  app2 ::
    forall {t1} {t2} {t3}.
    (Fractional t1, Num t2) =>
    (t2 -> t1 -> t3) -> t3
  cmp :: forall {a}. Ord a => a -> a -> Bool
  compose ::
    forall {t1} {t2} {t3}. (t1 -> t2) -> (t3 -> t1) -> t3 -> t2
  elem' :: forall a. Eq a => a -> [a] -> Bool
  fmap2 ::
    forall {f1 :: * -> *} {f2 :: * -> *} {a} {b}.
    (Functor f1, Functor f2) =>
    (a -> b) -> f1 (f2 a) -> f1 (f2 b)
  fns :: [Bool -> Bool]
  hof :: forall a b. (a -> b) -> [a] -> [(a, b)]
  io :: IO ()
  lookup' :: forall {t} {a}. Eq t => t -> [(t, a)] -> Maybe a
  nested :: Maybe (Maybe [Maybe Char])
  pair :: forall {a} {b}. a -> b -> (a, b)
  seqio :: forall (m :: * -> *) a. Monad m => [m a] -> m [a]
  sumsq :: forall {a}. Num a => [a] -> a
  triple ::
    forall {a1} {a2} {a3}. a1 -> a2 -> a3 -> (a3, [a2], (a1, ()))
  unit :: ()
"""

FRACTIONAL = base_class("Fractional")
X, Y, Z, W = tv("x"), tv("y"), tv("z"), tv("w")
F1, F2 = tv("f1", kind_arity(1)), tv("f2", kind_arity(1))


def generalise(t: Type, *ps: Pred) -> Scheme:
    qt = Qual(ps, t)
    return quantify(free_tyvars(qt), qt)


def fns(*ts: Type) -> Type:
    result = ts[-1]
    for t in reversed(ts[:-1]):
        result = fn(t, result)
    return result


OURS: dict[str, Scheme] = {
    "app2": generalise(fn(fns(Y, X, Z), Z), pred(FRACTIONAL, X), pred(NUM, Y)),
    "cmp": generalise(fns(X, X, T_BOOL), pred(ORD, X)),
    "compose": generalise(fns(fn(X, Y), fn(Z, X), Z, Y)),
    "elem'": generalise(fns(X, list_type(X), T_BOOL), pred(EQ, X)),
    "fmap2": generalise(
        fns(fn(X, Y), ap(F1, ap(F2, X)), ap(F1, ap(F2, Y))), pred(FUNCTOR, F1), pred(FUNCTOR, F2)
    ),
    "fns": generalise(list_type(fn(T_BOOL, T_BOOL))),
    "hof": generalise(fns(fn(X, Y), list_type(X), list_type(tuple_type([X, Y])))),
    "io": generalise(ap(T_IO, T_UNIT)),
    "lookup'": generalise(
        fns(Y, list_type(tuple_type([Y, X])), ap(MAYBE, X)), pred(EQ, Y)
    ),  # a variable named late but appearing early is still named first
    "nested": generalise(ap(MAYBE, ap(MAYBE, list_type(ap(MAYBE, T_CHAR))))),
    "pair": generalise(fns(X, Y, tuple_type([X, Y]))),
    "seqio": generalise(fn(list_type(ap(F1, X)), ap(F1, list_type(X))), pred(MONAD, F1)),
    "sumsq": generalise(fn(list_type(X), X), pred(NUM, X)),
    "triple": generalise(fns(X, Y, Z, tuple_type([Z, list_type(Y), tuple_type([X, T_UNIT])]))),
    "unit": generalise(T_UNIT),
}


def _ghc_signatures(text: str) -> dict[str, str]:
    """``name :: type`` per binding, continuation lines joined."""
    joined = re.sub(r"\n {4,}", " ", text)
    sigs = {}
    for line in joined.splitlines():
        name, _, scheme = line.strip().partition(" :: ")
        sigs[name] = " ".join(scheme.split())
    return sigs


GHC = {name: normalise_ghc(s) for name, s in _ghc_signatures(GHC_OUTPUT).items()}


@pytest.mark.parametrize("name", sorted(OURS))
def test_schemes_print_as_ghc_prints_them(name: str) -> None:
    assert pretty_scheme(OURS[name]) == GHC[name]


def test_every_recorded_signature_is_compared() -> None:
    assert sorted(GHC) == sorted(OURS)


def test_normalising_ghc_output() -> None:
    assert GHC["lookup'"] == "forall a b. Eq a => a -> [(a, b)] -> Maybe b"
    assert GHC["fmap2"] == (
        "forall (a :: * -> *) (b :: * -> *) c d. (Functor a, Functor b) =>"
        " (c -> d) -> a (b c) -> a (b d)"
    )


@pytest.mark.ghc
@pytest.mark.skipif(shutil.which("ghc") is None, reason="ghc is not installed")
def test_recorded_output_is_what_ghc_prints(tmp_path: Path) -> None:
    (tmp_path / "G.hs").write_text(GHC_SOURCE)
    out = subprocess.run(
        ["ghc", "-fno-code", "-ddump-types", "-XHaskell2010", "G.hs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    section = out.split("TYPE SIGNATURES\n", 1)[1].split("Dependent modules", 1)[0]
    assert section == GHC_OUTPUT


# --- The printer's rules one by one ------------------------------------------------------


def test_arrows_associate_right() -> None:
    a, b, c = tv("a"), tv("b"), tv("c")
    assert pretty_type(fn(a, fn(b, c))) == "a -> b -> c"
    assert pretty_type(fn(fn(a, b), c)) == "(a -> b) -> c"
    assert pretty_type(list_type(fn(a, b))) == "[a -> b]"
    assert pretty_type(ap(MAYBE, fn(a, b))) == "Maybe (a -> b)"


def test_applications_parenthesised_as_arguments() -> None:
    a = tv("a")
    either = tcon("Either", kind_arity(2))
    assert pretty_type(ap(either, ap(MAYBE, a), list_type(a))) == "Either (Maybe a) [a]"
    assert pretty_type(fn(ap(MAYBE, a), a)) == "Maybe a -> a"


def test_special_constructors() -> None:
    a, b = tv("a"), tv("b")
    assert pretty_type(T_UNIT) == "()"
    assert pretty_type(T_LIST) == "[]"
    assert pretty_type(T_ARROW) == "(->)"
    assert pretty_type(ap(T_ARROW, a)) == "(->) a"
    pair = tuple_type([a, b])
    assert pretty_type(pair) == "(a, b)"
    assert pretty_type(pair.fun.fun) == "(,)"  # type: ignore[union-attr]
    assert pretty_type(ap(pair.fun.fun, a)) == "(,) a"  # type: ignore[union-attr]
    assert pretty_type(tuple_type([a, b, T_INT])) == "(a, b, Int)"
    assert pretty_type(tuple_type([])) == "()"


def test_variables_renamed_in_order_of_appearance() -> None:
    t = fn(tv("t7"), fn(tv("t3"), tv("t7")))
    assert pretty_type(t) == "a -> b -> a"
    assert pretty_type(t, rename=False) == "t7 -> t3 -> t7"
    printer = TypePrinter()
    assert [printer.type(tv("t9")), printer.type(fn(tv("t2"), tv("t9")))] == ["a", "b -> a"]


def test_many_variables_get_numbered_names() -> None:
    vs = [tv(f"t{i}") for i in range(28)]
    assert pretty_type(tuple_type(vs)).endswith("y, z, a1, b1)")


def test_predicates_and_contexts() -> None:
    a = tv("a")
    assert pretty_pred(pred(EQ, list_type(a))) == "Eq [a]"
    assert pretty_pred(pred(EQ, ap(MAYBE, a))) == "Eq (Maybe a)"
    sc = Scheme((), Qual((pred(EQ, a), pred(ORD, a)), a))
    assert pretty_scheme(sc) == "(Eq a, Ord a) => a"


def test_schemes_without_quantified_variables_have_no_forall() -> None:
    assert pretty_scheme(Scheme((), Qual((), fn(T_INT, T_INT)))) == "Int -> Int"
    sc = Scheme((STAR, kind_arity(1)), Qual((), ap(TGen(1), TGen(0))))
    assert pretty_scheme(sc) == "forall b (a :: * -> *). a b"


def test_kinds() -> None:
    assert pretty_kind(STAR) == "*"
    assert pretty_kind(kind_arity(2)) == "* -> * -> *"
    assert pretty_kind(KFun(kind_arity(1), STAR)) == "(* -> *) -> *"
