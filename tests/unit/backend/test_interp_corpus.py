"""The program corpus (tests/programs) run by the interpreter, from Haskell source:
package base and each program renamed, typechecked and desugared in memory, then
``run_program`` with an in-memory World, compared with what GHC printed.

Slow (base is typechecked and desugared from source first, about 10 s, then each
program), so every case is marked ``slow``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "programs"))

from prog_cases import ProgCase, Run, all_programs, comparable, expected_run

from ifacedir.backend.interp import run_program
from ifacedir.backend.world import World
from ifacedir.desugar.desugar import desugar_module
from ifacedir.iface.basecache import BaseInterfaces
from ifacedir.rename.program import rename_base_library
from ifacedir.syntax.core import CoreModule
from ifacedir.typecheck.typecheck import typecheck_program, typecheck_renamed

CASES = all_programs()


@pytest.fixture(scope="module")
def base() -> tuple[BaseInterfaces, list[CoreModule]]:
    renamed = rename_base_library()
    typed = typecheck_renamed(renamed)
    assert typed.ok, typed.diagnostics[:3]
    exports = {rm.module.name: rm.exports for rm in renamed.modules}
    ifaces = {m.module.name: m.interface for m in typed.modules}
    core = [desugar_module(m, exports[m.module.name], ifaces) for m in typed.modules]
    return BaseInterfaces(Path("<memory>"), exports, ifaces, {}, {}), core


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_program(case: ProgCase, base: tuple[BaseInterfaces, list[CoreModule]]) -> None:
    interfaces, base_core = base
    checked = typecheck_program(case.root / case.main, (), interfaces)
    assert checked.ok, checked.diagnostics[:3]
    exports = {rm.module.name: rm.exports for rm in checked.renamed.modules}
    ifaces = {**interfaces.interfaces, **{m.module.name: m.interface for m in checked.modules}}
    modules = base_core + [
        desugar_module(m, exports[m.module.name], ifaces) for m in checked.modules
    ]
    entry = [m.entry for m in modules if m.entry is not None][-1]
    expected = case.expected()
    world = World.in_memory((expected.stdin or "").encode(), tuple(expected.args), "<prog>")
    status = run_program(modules, entry, world)
    got = Run(world.stdout_bytes().decode(), world.stderr_bytes().decode(), status)
    assert comparable(got) == comparable(expected_run(case))
