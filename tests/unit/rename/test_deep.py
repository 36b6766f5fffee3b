"""Deep input never makes the renamer hit Python's recursion limit (DESIGN, "Robustness")."""

from __future__ import annotations

from rename_helpers import rename_all

from ifacedir.syntax.ast import EOpApp, FunBind


def program(body: str) -> str:
    return f"module Main (main) where\nmain = putStrLn x\nx = {body}\n"


def test_long_right_associative_chain() -> None:
    body = " ++ ".join(['"a"'] * 5_000)
    tree = rename_all(program(body))["Main"].module
    [bind] = [d for d in tree.decls if isinstance(d, FunBind) and d.name.occ == "x"]
    e = bind.matches[0].rhs.body
    depth = 0
    while isinstance(e, EOpApp):
        e, depth = e.right, depth + 1
    assert depth == 4_999


def test_long_composition_and_left_chain() -> None:
    rename_all(program("(" + " . ".join(["id"] * 5_000) + ') "a"'))
    rename_all(program("id (" + " + ".join(["1"] * 5_000) + ")"))


def test_deeply_nested_parentheses() -> None:
    rename_all(program("(" * 2_000 + '"a"' + ")" * 2_000))


def test_big_list_literal() -> None:
    rename_all(program("map id [" + ", ".join(['"a"'] * 10_000) + "]"))


def test_deeply_nested_lets_and_lambdas() -> None:
    nested = "".join(f"let v{i} = \\w{i} -> w{i} in " for i in range(1_000)) + '"a"'
    rename_all(program(nested))
