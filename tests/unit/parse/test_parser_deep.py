"""Big and deep inputs (DESIGN, "Robustness"): parsed without RecursionError, or
rejected with a clean "nested too deeply" diagnostic past MAX_NESTING."""

from __future__ import annotations

import time

import pytest
from test_parse_scale import _module

from ifacedir.parse.parser import parse_module, parse_module_diagnostics
from ifacedir.syntax.ast import EList, EOpChain, FunBind
from ifacedir.util.deep import MAX_NESTING

# Generous: catches a quadratic algorithm, not a slow or busy machine.
PARSE_SECONDS = 60.0


def _body(src: str) -> object:
    (bind,) = parse_module(src, "D.hs").decls
    assert isinstance(bind, FunBind)
    return bind.matches[0].rhs.body


def test_ten_thousand_element_list() -> None:
    body = _body("x = [" + ", ".join(str(i) for i in range(10_000)) + "]\n")
    assert isinstance(body, EList) and len(body.elems) == 10_000


def test_five_thousand_long_append_chain() -> None:
    body = _body("x = " + " ++ ".join(["a"] * 5_000) + "\n")
    assert isinstance(body, EOpChain) and len(body.items) == 9_999


def test_five_thousand_long_composition_chain() -> None:
    body = _body("x = " + " . ".join(["f"] * 5_000) + " $ y\n")
    assert isinstance(body, EOpChain)


def test_two_thousand_deep_parentheses() -> None:
    src = "x = " + "(" * 2_000 + "1" + ")" * 2_000 + "\n"
    _, found = parse_module_diagnostics(src, "D.hs")
    assert found == ()


@pytest.mark.parametrize(
    "src",
    [
        "x = " + "[" * 2_000 + "1" + "]" * 2_000 + "\n",
        "x = " + "let a = 1 in " * 2_000 + "a\n",
        "x = " + "\\a -> " * 2_000 + "a\n",
        "x = " + "f (" * 2_000 + "1" + ")" * 2_000 + "\n",
        "x :: " + "[" * 2_000 + "a" + "]" * 2_000 + "\n",
        "x :: " + " -> ".join(["a"] * 5_000) + "\n",
        "f " + "(" * 2_000 + "a" + ")" * 2_000 + " = 1\n",
        "f = do\n  " + "(" * 2_000 + "a" + ")" * 2_000 + " <- g\n  h\n",
        "x = do\n" + "".join(" " * (i + 2) + "do\n" for i in range(1_000)) + " " * 1_003 + "y\n",
    ],
    ids=["brackets", "lets", "lambdas", "applications", "list-types", "arrows", "patterns",
         "bind-patterns", "nested-do"],
)  # fmt: skip
def test_deep_constructs(src: str) -> None:
    _, found = parse_module_diagnostics(src, "D.hs")
    assert found == ()


def test_nesting_beyond_the_limit_is_a_clean_error() -> None:
    depth = MAX_NESTING + 1
    src = "x = " + "(" * depth + "1" + ")" * depth + "\ny = )\n"
    _, found = parse_module_diagnostics(src, "D.hs")
    assert [d.code for d in found] == ["P003", "P001"]
    assert found[0].message.startswith("nested too deeply")


def test_fifty_thousand_line_module() -> None:
    src = _module(50_000)
    began = time.perf_counter()
    module, found = parse_module_diagnostics(src, "Big.hs")
    elapsed = time.perf_counter() - began
    assert found == ()
    assert module is not None and len(module.decls) > 10_000
    assert elapsed < PARSE_SECONDS
