"""The program corpus (tests/programs) through the Python backend, and determinism.

Every program is compiled in memory (package base once per process, ifacedir.driver.
inmemory), its modules written by ``emit_module`` and run by ``run_python_program``
with the recorded stdin and arguments; stdout, stderr and the exit status must be
what GHC printed (stderr through ``comparable``, which drops GHC's CallStack lines).
``-O0`` runs by default; ``-O1`` is ``slow`` (tests/programs/test_programs_run.py
runs both levels through both backends as well).

Determinism: the text of every module of a program (package base included) is the
same when written twice from distinct but equal Core, and the same under two
``PYTHONHASHSEED``s.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "programs"))

from prog_cases import ProgCase, Run, all_programs, comparable, expected_run

from ifacedir.backend import python_emit
from ifacedir.backend.python import emit_module, run_python_program
from ifacedir.backend.world import World
from ifacedir.driver.inmemory import compile_in_memory
from ifacedir.util.deep import run_deep

CASES = all_programs()
LEVELS = [0, pytest.param(1, marks=pytest.mark.slow)]


def _run(case: ProgCase, level: int) -> Run:
    modules = compile_in_memory(case.root / case.main, level)
    entry = [m.entry for m in modules if m.entry is not None][-1]
    expected = case.expected()
    world = World.in_memory((expected.stdin or "").encode(), tuple(expected.args), "<prog>")
    sources = [(m.module, m.package, emit_module(m)) for m in modules]
    status = run_python_program(sources, entry, world)
    return Run(world.stdout_bytes().decode(), world.stderr_bytes().decode(), status)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_program_prints_what_ghc_printed(case: ProgCase, level: int) -> None:
    assert comparable(_run(case, level)) == comparable(expected_run(case))


def test_text_is_the_same_from_equal_core() -> None:
    case = next(c for c in CASES if c.multi_module)
    first = compile_in_memory(case.root / case.main, 1)
    second = compile_in_memory(case.root / case.main, 1)
    for a, b in zip(first, second, strict=True):
        fresh_a = run_deep(python_emit._ModuleEmitter(a).run)
        fresh_b = run_deep(python_emit._ModuleEmitter(b).run)
        assert fresh_a == fresh_b == emit_module(a), a.module


_EMIT = textwrap.dedent(
    """
    import hashlib, sys
    sys.path[:0] = [{tests!r}]
    from test_interp import DATA, LIB, app, gv, i, module
    from ifacedir.backend.python import emit_module
    m = module({{**LIB, "main": app(gv("foldl"), gv("plus"), i(0), app(gv("take"), i(3),
               app(gv("enumFromTo"), i(1), i(9))))}}, data=DATA)
    print(hashlib.sha256(emit_module(m).encode()).hexdigest())
    """
)


def test_text_is_the_same_under_other_hash_seeds() -> None:
    tests = str(Path(__file__).resolve().parent)
    digests = set()
    for seed in ("1", "2", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _EMIT.format(tests=tests)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1
    assert len(hashlib.sha256().hexdigest()) == len(digests.pop())
