"""The program corpus under tests/programs (README.md there).

Without GHC: every program directory is complete, its expected file is well-formed and
in canonical form, the README's table lists every program, and our front end (parser,
renamer, typechecker, as ``ifacedir check`` runs them) accepts every program.

With GHC (marked ``ghc``, skipped when runghc is not on PATH): runghc still prints the
recorded stdout and stderr and exits with the recorded status; 20-40 s on two cores,
one runghc per program.
"""

from __future__ import annotations

import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from prog_cases import (
    PROGRAMS_DIR,
    ProgCase,
    ProgExpected,
    Run,
    all_programs,
    comparable,
    expected_run,
    ghc_version,
    name_program,
    run_program,
)

from ifacedir.diagnostics import render_all
from ifacedir.iface.basecache import BaseInterfaces, load_base
from ifacedir.typecheck.typecheck import typecheck_program

CASES = all_programs()
JOBS = 2  # the suite's budget: two cores


def module_name(rel: str) -> str:
    """``Data/Stack.hs`` -> ``Data.Stack``."""
    return rel.removesuffix(".hs").replace("/", ".")


def test_corpus_size_and_mix() -> None:
    expected = [c.expected() for c in CASES]
    assert len(CASES) >= 45
    assert sum(c.multi_module for c in CASES) >= 5
    assert sum(e.stdin is not None for e in expected) >= 3
    assert sum(bool(e.args) for e in expected) >= 1
    assert sum(e.exit != 0 for e in expected) >= 5


def test_every_directory_is_complete() -> None:
    for d in PROGRAMS_DIR.iterdir():
        if d.is_dir() and not d.name.startswith((".", "_")):
            assert re.fullmatch(r"\d{3}-[a-z0-9-]+", d.name), d.name
            assert (d / "expected.txt").is_file(), f"{d.name}: no expected.txt"
            assert (d / "Main.hs").is_file(), f"{d.name}: no Main.hs"
    numbers = [int(c.name[:3]) for c in CASES]
    assert numbers == list(range(1, len(CASES) + 1)), "numbered 001, 002, ... without gaps"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_expected_file_is_well_formed(case: ProgCase) -> None:
    text = case.expected_path.read_text(encoding="utf-8")
    expected = ProgExpected.parse(text)
    assert expected.problems() == []
    assert expected.render() == text, "not in canonical form (re-run record_ghc.py)"


def test_sources_are_clean() -> None:
    for case in CASES:
        for rel in case.sources:
            text = (case.root / rel).read_text(encoding="utf-8")
            assert "\t" not in text, (case.name, rel)
            assert not [s for s in text.splitlines() if s != s.rstrip()], (case.name, rel)
            assert text.startswith(f"module {module_name(rel)}"), (case.name, rel)


def test_readme_lists_every_program() -> None:
    readme = (PROGRAMS_DIR / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `(\d{3}-[a-z0-9-]+)` \|", readme, re.MULTILINE)
    assert listed == [c.name for c in CASES]


def test_format_rules() -> None:
    good = (
        "# d\noutcome: accept\nrecorded-with: ghc 9.0.2\nargs: a b\nexit: 1\n"
        "stdin:\n| 1\n|\nstdout:\n| x\nstderr:\n| <prog>: boom\n"
    )
    exp = ProgExpected.parse(good)
    assert exp.problems() == [] and exp.render() == good
    assert exp.args == ["a", "b"] and exp.stdin == "1\n\n" and exp.exit == 1
    ok = "# d\noutcome: accept\nrecorded-with: ghc 9.0.2\nexit: 0\nstdout:\n| x\n"
    assert ProgExpected.parse(ok).problems() == []
    for bad in (
        ok.replace("exit: 0", "exit: 1"),  # exit 1 without stderr
        ok + "stderr:\n| warning\n",  # stderr with exit 0
        ok.replace("accept", "reject"),
        ok.replace("# d\n", ""),
        ok.replace("recorded-with: ghc 9.0.2\n", ""),
        ok.replace("exit: 0\n", ""),
        ok.replace("stdout:\n| x\n", ""),
        ok + "types: Main\n| main :: IO ()\n",
    ):
        assert ProgExpected.parse(bad).problems() != [], bad


def test_stderr_helpers() -> None:
    raw = (
        "Main.hs: boom\nCallStack (from HasCallStack):\n"
        "  error, called at Main.hs:3:8 in main:Main\n"
        "Main.hs: Main.hs:(7,1)-(8,21): Non-exhaustive patterns in function f\n\n"
    )
    named = name_program(raw)
    assert named == (
        "<prog>: boom\nCallStack (from HasCallStack):\n"
        "  error, called at Main.hs:3:8 in main:Main\n"
        "<prog>: Main.hs:(7,1)-(8,21): Non-exhaustive patterns in function f\n\n"
    )
    assert comparable(Run("out\n", named, 1)) == Run(
        "out\n",
        "<prog>: boom\n<prog>: Main.hs:(7,1)-(8,21): Non-exhaustive patterns in function f\n\n",
        1,
    )
    # what our back end prints (no CallStack) compares equal to GHC's recording
    recorded = next(c for c in CASES if c.name.endswith("-error-call"))
    ours = Run(
        expected_run(recorded).stdout,
        "<prog>: checkedSqrt: negative argument -9.0\n",
        1,
    )
    assert comparable(ours) == comparable(expected_run(recorded))


@pytest.fixture(scope="module")
def base() -> BaseInterfaces | None:
    """Package base as ``ifacedir check`` loads it (None: checked from source)."""
    return load_base().base


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_front_end_accepts_the_program(case: ProgCase, base: BaseInterfaces | None) -> None:
    result = typecheck_program(case.root / case.main, (), base)
    rendered = render_all(list(result.diagnostics), dict(result.renamed.sources))
    assert result.diagnostics == (), rendered
    checked = {m.module.name for m in result.modules if m.ok}
    assert {module_name(s) for s in case.sources} <= checked


# ---------------------------------------------------------------------------
# GHC agreement

needs_runghc = pytest.mark.skipif(shutil.which("runghc") is None, reason="runghc is not installed")


@pytest.fixture(scope="session")
def ghc_runs() -> dict[str, Run]:
    with ThreadPoolExecutor(max_workers=JOBS) as pool:
        return dict(zip((c.name for c in CASES), pool.map(run_program, CASES), strict=True))


@pytest.fixture(scope="session")
def installed_version() -> str:
    return f"ghc {ghc_version()}"


@pytest.mark.ghc
@needs_runghc
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_runghc_prints_the_recorded_output(
    case: ProgCase, ghc_runs: dict[str, Run], installed_version: str
) -> None:
    recorded = case.expected().fields["recorded-with"]
    if recorded != installed_version:
        pytest.skip(f"recorded with {recorded}")
    assert ghc_runs[case.name] == expected_run(case)
