"""The desugarer (ifacedir.desugar): the Core it writes for each construct, checked by
shape and by running it; Core Lint on everything it produces; deep inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_helpers import binding, main_core, program, run

from ifacedir.simplify.lint import lint_program
from ifacedir.syntax import core
from ifacedir.syntax.corewalk import iter_nodes


def nodes(e: core.Expr) -> list[core.Expr]:
    return list(iter_nodes(e))


EVERY_BASE_MODULE = """import Control.Applicative ()
import Control.Monad ()
import Data.Bool ()
import Data.Char ()
import Data.Either ()
import Data.Function ()
import Data.Functor ()
import Data.Ix ()
import Data.List ()
import Data.Maybe ()
import Data.Ord ()
import Data.Ratio ()
import Data.Tuple ()
import Numeric ()
import System.Environment ()
import System.Exit ()
import System.IO ()
import Text.Read ()
import Text.Show ()
main = print (sum [1 .. 10 :: Int])
"""


@pytest.mark.parametrize("level", [0, 1])
def test_every_module_of_base_and_a_program_passes_core_lint(tmp_path: Path, level: int) -> None:
    modules = program(tmp_path, EVERY_BASE_MODULE, level)
    problems = lint_program(modules)
    assert {m: p for m, p in problems.items() if p} == {}
    assert len(modules) == 32  # all 31 of package base, and Main


def test_a_function_of_clauses_is_one_lambda_over_a_case(tmp_path: Path) -> None:
    m = main_core(tmp_path, "f :: [Int] -> Int\nf [] = 0\nf (x : _) = x\nmain = print (f [3])\n")
    rhs = binding(m, "f")
    assert isinstance(rhs, core.Lam) and len(rhs.params) == 1
    assert isinstance(rhs.body, core.Case)
    assert [type(a).__name__ for a in rhs.body.alts] == ["ConAlt", "ConAlt"]  # exhaustive


def test_literals_at_known_types_are_core_literals(tmp_path: Path) -> None:
    m = main_core(tmp_path, "n :: Int\nn = 3\nd :: Double\nd = 2.5\nmain = print (n, d)\n")
    assert binding(m, "n") == core.IntLit(3, core.IntKind.INT)
    assert binding(m, "d") == core.DoubleLit(5, 2)


def test_int_literals_wrap_as_fromInteger_does(tmp_path: Path) -> None:
    m = main_core(tmp_path, "n :: Int\nn = 18446744073709551617\nmain = print n\n")
    assert binding(m, "n") == core.IntLit(1, core.IntKind.INT)


def test_an_overloaded_literal_calls_fromInteger_on_its_dictionary(tmp_path: Path) -> None:
    m = main_core(tmp_path, "two :: Num a => a\ntwo = 2\nmain = print (two :: Int)\n")
    rhs = binding(m, "two")
    assert isinstance(rhs, core.Lam)  # over the Num dictionary
    (dict_param,) = rhs.params
    assert dict_param.name.occ == "$dNum"
    assert isinstance(rhs.body, core.App)
    assert rhs.body.fun == core.CoreVar(rhs.body.fun.name, rhs.body.fun.type)  # type: ignore[union-attr]
    assert rhs.body.fun.name.occ == "fromInteger"  # type: ignore[union-attr]


def test_recursive_uses_in_an_implicit_group_pass_the_groups_dictionaries(tmp_path: Path) -> None:
    src = (
        "mem x [] = False\nmem x (y : ys) = x == y || mem x ys\n"
        "main = print (mem 3 [1, 2, 3 :: Int])\n"
    )
    modules = program(tmp_path, src)
    rhs = binding(modules[-1], "mem")
    assert isinstance(rhs, core.Lam)
    d = rhs.params[0]
    calls = [
        n
        for n in nodes(rhs)
        if isinstance(n, core.App) and isinstance(n.fun, core.CoreVar) and n.fun.name.occ == "mem"
    ]
    assert calls and all(
        isinstance(c.args[0], core.CoreVar) and c.args[0].name == d.name for c in calls
    )
    assert run(modules) == ("True\n", "", 0)


def test_classes_become_records_and_instances_dictionaries(tmp_path: Path) -> None:
    src = (
        "class Size a where\n  size :: a -> Int\n  twice :: a -> Int\n  twice x = 2 * size x\n"
        "instance Size Bool where\n  size _ = 1\n"
        "main = print (twice True)\n"
    )
    modules = program(tmp_path, src)
    m = modules[-1]
    (dt,) = [d for d in m.data if d.name.occ == "Size"]
    assert [c.name.occ for c in dt.cons] == ["C:Size"] and dt.cons[0].arity == 2
    names = {b.var.name.occ for g in m.groups for b in g.binds}
    assert {"size", "twice", "$dmtwice", "$fSizeBool", "$fSizeBool$csize"} <= names
    assert run(modules) == ("2\n", "", 0)


def test_derived_instances_print_like_ghc(tmp_path: Path) -> None:
    src = (
        "data T = A | B Int (Maybe T) | Int :+ Int deriving (Eq, Ord, Show)\n"
        "infixl 6 :+\n"
        "data E = X | Y | Z deriving (Show, Enum, Bounded, Eq, Ord)\n"
        "main = do\n"
        "  print [A, B (-1) (Just (B 2 Nothing)), 1 :+ (-2)]\n"
        "  print (compare A (B 0 Nothing), B 1 Nothing < B 1 (Just A),"
        " [minBound .. maxBound :: E])\n"
        "  print (succ X, fromEnum Z, [X ..], toEnum 1 :: E)\n"
    )
    out, err, status = run(program(tmp_path, src))
    assert (err, status) == ("", 0)
    assert out.splitlines() == [
        "[A,B (-1) (Just (B 2 Nothing)),1 :+ (-2)]",
        "(LT,True,[X,Y,Z])",
        "(Y,2,[X,Y,Z],Y)",
    ]


def test_failed_matches_say_where_as_ghc_does(tmp_path: Path) -> None:
    src = "f :: Int -> Int\nf 0 = 1\nf 1 = 2\nmain = print (f 5)\n"
    out, err, status = run(program(tmp_path, src))
    assert (out, status) == ("", 1)
    assert err == "<prog>: Main.hs:(2,1)-(3,7): Non-exhaustive patterns in function f\n\n"


def test_guards_fall_through_to_the_next_clause(tmp_path: Path) -> None:
    src = (
        "classify :: Int -> String\n"
        'classify n | n < 0 = "negative"\n           | n > 100 = "big"\n'
        'classify 0 = "zero"\nclassify _ = "other"\n'
        "main = mapM_ (putStrLn . classify) [-1, 0, 5, 200]\n"
    )
    assert run(program(tmp_path, src))[0].split() == ["negative", "zero", "other", "big"]


def test_lazy_patterns_and_pattern_bindings_do_not_force(tmp_path: Path) -> None:
    src = (
        "lazy :: (Int, Int) -> Int\nlazy ~(_, _) = 1\n"
        "main = do\n  print (lazy undefined)\n"
        "  let (a, b) = (b + 1, 10 :: Int)\n  print a\n"
    )
    assert run(program(tmp_path, src)) == ("1\n11\n", "", 0)


def test_list_comprehensions_filter_on_failed_patterns(tmp_path: Path) -> None:
    src = (
        "main = print [x * y | Just x <- [Just 1, Nothing, Just 3], y <- [x .. 3 :: Int], odd y]\n"
    )
    assert run(program(tmp_path, src))[0] == "[1,3,9]\n"


def test_records_construct_update_and_select(tmp_path: Path) -> None:
    src = (
        "data R = R { a :: Int, b :: String } | S { a :: Int } deriving Show\n"
        'main = do\n  let r = R { a = 1, b = "x" }\n  print (r { a = 2 })\n'
        "  print (a (S 5))\n  putStrLn (b (S 1))\n"
    )
    out, err, status = run(program(tmp_path, src))
    assert out == 'R {a = 2, b = "x"}\n5\n' and status == 1
    assert err == "<prog>: No match in record selector b\n"


def test_desugaring_is_deterministic(tmp_path: Path) -> None:
    from ifacedir.syntax.codec import encode_tree_bytes

    src = "data T = T Int deriving (Show, Eq)\nmain = print [T n | n <- [1 .. 3], n /= 2]\n"
    first = encode_tree_bytes(main_core(tmp_path, src))
    second = encode_tree_bytes(main_core(tmp_path, src))
    assert first == second


@pytest.mark.parametrize(
    ("what", "source"),
    [
        (
            "a 10,000-element list",
            "xs :: [Int]\nxs = [" + ", ".join(["1"] * 10_000) + "]\nmain = print (sum xs)\n",
        ),
        (
            "a 5,000-deep ++ chain",
            "s :: String\ns = " + " ++ ".join(['"a"'] * 5_000) + "\nmain = print (length s)\n",
        ),
        (
            "2,000-deep parentheses",
            "n :: Int\nn = " + "(" * 2_000 + "1" + ")" * 2_000 + "\nmain = print n\n",
        ),
    ],
)
def test_deep_input_compiles_and_runs(tmp_path: Path, what: str, source: str) -> None:
    out, err, status = run(program(tmp_path, source, 1))
    assert status == 0 and err == "", what
    assert out.strip() in ("10000", "5000", "1")
