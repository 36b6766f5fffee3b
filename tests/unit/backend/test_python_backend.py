"""The Python backend (ifacedir.backend.python): deterministic output, deep evaluation
without Python's recursion limit or the C stack, and bad Core as its own error. That
it prints GHC's output on every program is tests/programs/test_programs_run.py's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ifacedir.backend.python import emit_module, run_python_program
from ifacedir.backend.world import World
from ifacedir.driver.inmemory import compile_in_memory
from ifacedir.syntax import core
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import T_INT, to_scheme

MAIN = Name("main", "Main", "main", NameSpace.VAR)


def run(tmp: Path, source: str, level: int = 1) -> tuple[str, str, int]:
    (tmp / "Main.hs").write_text(source, encoding="utf-8")
    modules = compile_in_memory(tmp / "Main.hs", level)
    world = World.in_memory(prog_name="<prog>")
    status = run_python_program(
        [(m.module, m.package, emit_module(m)) for m in modules], MAIN, world
    )
    return world.stdout_bytes().decode(), world.stderr_bytes().decode(), status


def test_emitting_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "Main.hs").write_text("data T = A | B Int deriving Show\nmain = print [A, B 1]\n")
    first = [emit_module(m) for m in compile_in_memory(tmp_path / "Main.hs", 1)]
    second = [emit_module(m) for m in compile_in_memory(tmp_path / "Main.hs", 1)]
    assert first == second


DEEP = [
    ("lazy foldl over 100,000", "main = print (foldl (+) 0 [1 .. 100000 :: Int])\n", "5000050000"),
    (
        "non-tail-recursive length of 100,000",
        "len :: [Int] -> Int\nlen [] = 0\nlen (_ : xs) = 1 + len xs\n"
        "main = print (len [1 .. 100000])\n",
        "100000",
    ),
    (
        "a 100,000-element list printed",
        "main = print (length (show [1 .. 100000 :: Int]))\n",
        "588896",
    ),
]


@pytest.mark.parametrize(("what", "source", "out"), DEEP, ids=[d[0] for d in DEEP])
def test_deep_evaluation_needs_no_python_stack(
    tmp_path: Path, what: str, source: str, out: str
) -> None:
    limit = sys.getrecursionlimit()
    assert run(tmp_path, source, 0) == (out + "\n", "", 0), what
    assert sys.getrecursionlimit() == limit  # restored


@pytest.mark.slow
def test_a_million_deep(tmp_path: Path) -> None:
    src = "main = print (foldl (+) 0 [1 .. 1000000 :: Int])\n"
    assert run(tmp_path, src, 0) == ("500000500000\n", "", 0)


def test_unknown_global_is_the_backends_own_error() -> None:
    from ifacedir.backend.python import PyBackendError

    var = core.CoreVar(Name("main", "Main", "main", NameSpace.VAR), to_scheme(T_INT))
    ghost = core.CoreVar(Name("main", "Nowhere", "x", NameSpace.VAR), T_INT)
    module = core.CoreModule(
        "Main", "main", (core.BindGroup(False, (core.Bind(var, ghost),)),), (), (), MAIN
    )
    with pytest.raises(PyBackendError, match="Nowhere"):
        run_python_program([("Main", "main", emit_module(module))], MAIN, World.in_memory())
