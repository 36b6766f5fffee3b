"""Compiling a program to Core entirely in memory, without writing any file.

For tests and tools that want a program's Core (every module, package base included,
in dependency order) without an output directory: the same phases as ``ifacedir
build`` (rename, typecheck, desugar, simplify), in one process. Package base is
compiled from source once per process and ``-O`` level and reused.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from ifacedir.diagnostics import Diagnostic
from ifacedir.syntax import core
from ifacedir.syntax.names import Name

__all__ = ["InMemoryError", "compile_in_memory"]

_BASE_CORE: Final[dict[tuple[str, int], core.CoreModule]] = {}


class InMemoryError(Exception):
    """The program has errors; ``diagnostics`` says which."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} error(s), the first: {diagnostics[0].message}")
        self.diagnostics = tuple(diagnostics)


def compile_in_memory(
    main: Path, level: int = 0, search_path: Sequence[Path] = ()
) -> list[core.CoreModule]:
    """The Core of every module of the program at ``main`` (a file or a directory),
    simplified at ``-O<level>``, dependencies first."""
    from ifacedir.desugar import desugar_module
    from ifacedir.simplify import simplify_module, unfoldings_of
    from ifacedir.typecheck.typecheck import typecheck_program

    checked = typecheck_program(main, search_path)
    if not checked.ok:
        raise InMemoryError(checked.diagnostics)
    by_name = {m.module.name: m for m in checked.renamed.modules}
    interfaces = {m.module.name: m.interface for m in checked.modules}
    unfoldings: dict[Name, core.Expr] = {}
    out: list[core.CoreModule] = []
    for typed in checked.modules:
        key = (typed.module.name, level)
        base = typed.interface.package == "base"
        cached = _BASE_CORE.get(key) if base else None
        if cached is None:
            ds = desugar_module(typed, by_name[typed.module.name].exports, interfaces)
            cached = simplify_module(ds, level, unfoldings)
            if base:
                _BASE_CORE[key] = cached
        if level >= 1:
            unfoldings.update(unfoldings_of(cached.groups))
        out.append(cached)
    return out
