"""Every program of the corpus through our back end: each backend, -O0 and -O1.

The expected stdout, stderr and exit status are what GHC 9.0.2 printed (recorded by
record_ghc.py); stderr is compared after ``comparable`` drops GHC's CallStack lines
on both sides (our ``error`` prints none, spec/LIBRARY.md). Each program is compiled
once per level, in memory, through the same phases as ``ifacedir build``
(ifacedir.driver.inmemory); both backends then run the same Core. The on-disk
pipeline is tested by tests/cli/test_build_cli.py and test_resume.py.

The two other corpora with recorded runs (tests/typecheck_corpus and
tests/module_system, 119 accepted programs) run through the interpreter at -O1.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest
from prog_cases import PROGRAMS_DIR, ProgCase, Run, all_programs, comparable, expected_run

from ifacedir.backend.world import World
from ifacedir.driver.inmemory import compile_in_memory
from ifacedir.syntax import core
from ifacedir.syntax.names import Name, NameSpace

sys.path.insert(0, str(PROGRAMS_DIR.parent / "typecheck_corpus"))
from tc_cases import TcExpected

CASES = all_programs()
MAIN = Name("main", "Main", "main", NameSpace.VAR)
ROOT = PROGRAMS_DIR.parent


@functools.lru_cache(maxsize=8)
def compiled(main: Path, level: int) -> tuple[core.CoreModule, ...]:
    return tuple(compile_in_memory(main, level))


def run_with(
    backend: str, modules: tuple[core.CoreModule, ...], stdin: str, args: list[str]
) -> Run:
    world = World.in_memory(stdin=stdin.encode("utf-8"), args=args, prog_name="<prog>")
    if backend == "interp":
        from ifacedir.backend.interp import run_program

        status = run_program(list(modules), MAIN, world)
    else:
        from ifacedir.backend.python import emit_module, run_python_program

        sources = [(m.module, m.package, emit_module(m)) for m in modules]
        status = run_python_program(sources, MAIN, world)
    out = world.stdout_bytes().decode("utf-8")
    err = world.stderr_bytes().decode("utf-8", "backslashreplace")
    return Run(out, err, status)


def _backends() -> list[str]:
    try:
        import ifacedir.backend.python  # noqa: F401
    except ImportError:
        return ["interp"]
    return ["interp", "python"]


@pytest.mark.parametrize("level", [0, 1])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_program_prints_what_ghc_printed(case: ProgCase, level: int) -> None:
    expected = case.expected()
    modules = compiled(case.root / case.main, level)
    want = comparable(expected_run(case))
    for backend in _backends():
        got = comparable(run_with(backend, modules, expected.stdin or "", expected.args))
        assert got == want, f"{backend} at -O{level}"


def _other_corpora() -> list[Path]:
    dirs = sorted((ROOT / "typecheck_corpus").glob("0*")) + sorted(
        (ROOT / "module_system").glob("[0-9]*")
    )
    out = []
    for d in dirs:
        text = (d / "expected.txt").read_text(encoding="utf-8")
        if "outcome: accept" in text and "\nstdout:" in text:
            out.append(d)
    return out


OTHERS = _other_corpora()


@pytest.mark.parametrize("case", OTHERS, ids=[f"{d.parent.name}/{d.name}" for d in OTHERS])
def test_recorded_runs_of_the_other_corpora(case: Path) -> None:
    expected = TcExpected.parse((case / "expected.txt").read_text(encoding="utf-8"))
    modules = tuple(compile_in_memory(case / "Main.hs", 1))
    got = comparable(run_with("interp", modules, expected.stdin or "", expected.args))
    want = comparable(Run(expected.stdout or "", expected.stderr or "", expected.exit))
    assert got.stdout == want.stdout and got.exit == want.exit
    if want.exit != 0:
        assert got.stderr == want.stderr
