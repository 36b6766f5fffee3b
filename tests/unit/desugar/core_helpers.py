"""Compile small Haskell sources to Core for the desugarer's and simplifier's tests."""

from __future__ import annotations

from pathlib import Path

from ifacedir.backend.interp import run_program
from ifacedir.backend.world import World
from ifacedir.driver.inmemory import compile_in_memory
from ifacedir.syntax import core
from ifacedir.syntax.names import Name, NameSpace

MAIN = Name("main", "Main", "main", NameSpace.VAR)


def program(tmp: Path, source: str, level: int = 0, **modules: str) -> list[core.CoreModule]:
    """Every module's Core (base included) for ``Main.hs`` = ``source``."""
    (tmp / "Main.hs").write_text(source, encoding="utf-8")
    for name, text in modules.items():
        (tmp / f"{name}.hs").write_text(text, encoding="utf-8")
    return compile_in_memory(tmp / "Main.hs", level)


def main_core(tmp: Path, source: str, level: int = 0) -> core.CoreModule:
    return program(tmp, source, level)[-1]


def binding(m: core.CoreModule, occ: str) -> core.Expr:
    for g in m.groups:
        for b in g.binds:
            if b.var.name.occ == occ:
                return b.rhs
    raise KeyError(occ)


def run(modules: list[core.CoreModule], stdin: str = "") -> tuple[str, str, int]:
    world = World.in_memory(stdin=stdin.encode(), prog_name="<prog>")
    status = run_program(modules, MAIN, world)
    return world.stdout_bytes().decode(), world.stderr_bytes().decode(), status
