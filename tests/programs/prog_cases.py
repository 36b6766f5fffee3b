"""The program corpus under tests/programs: loading it, its expected files, running runghc.

Not a test module: ``record_ghc.py`` and ``test_programs_corpus.py`` import it (and so
may the back end's tests). The corpus is described in ``tests/programs/README.md``.

The expected-file format is tests/typecheck_corpus's (its README.md), parsed and
rendered by that corpus's ``TcExpected``; ``ProgExpected`` only replaces the rules of
a complete file (``problems``): no ``types:`` blocks, every program accepted by GHC,
``stderr:`` exactly when the exit status is not 0. GHC's flags, environment and source
copying come from ``tests/module_system/ghc_cases.py`` through ``tc_cases``.

Unlike the typecheck corpus, ``stderr:`` holds what GHC printed, CallStack lines
included; only the program name is replaced by ``<prog>`` (runghc calls the program
``Main.hs``). Our ``error`` prints no CallStack (spec/LIBRARY.md, "Divergences"), so a
comparison with our back end goes through ``comparable``, which drops those lines.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Final

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "module_system"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "typecheck_corpus"))

from ghc_cases import copy_sources, ghc_env, run_ghc  # importable thanks to sys.path
from tc_cases import Run, TcCase, TcExpected, ghc_version, normalise_stderr

__all__ = [
    "PROGRAMS_DIR",
    "RUNGHC_FLAGS",
    "ProgCase",
    "ProgExpected",
    "Run",
    "all_programs",
    "comparable",
    "expected_run",
    "ghc_version",
    "name_program",
    "run_ghc",
    "run_program",
]

PROGRAMS_DIR: Final = Path(__file__).resolve().parent

# The flags tc_cases.run_program gives runghc: Haskell 2010 mode, modules found next
# to Main.hs.
RUNGHC_FLAGS: Final = ("--ghc-arg=-XHaskell2010", "--ghc-arg=-i.")


class ProgExpected(TcExpected):
    """An expected.txt of this corpus: TcExpected's format with this corpus's rules."""

    @staticmethod
    def parse(text: str) -> ProgExpected:
        parsed = TcExpected.parse(text)
        return ProgExpected(**{f.name: getattr(parsed, f.name) for f in dataclasses.fields(parsed)})

    def problems(self) -> list[str]:
        """What is missing or malformed (empty when the file is complete)."""
        out: list[str] = []
        if self.fields.get("outcome") != "accept":
            out.append("outcome must be accept (every program is one GHC accepts)")
        if not self.description:
            out.append("missing the description comment")
        if not self.fields.get("recorded-with", "").startswith("ghc "):
            out.append("missing recorded-with: (run record_ghc.py)")
        if any(k in self.fields for k in ("kind", "location", "ghc")):
            out.append("a program has no kind, location or ghc fields")
        if self.types:
            out.append("a program has no types: blocks")
        if not self.stdout:
            out.append("a program prints something (stdout:)")
        if not re.fullmatch(r"\d+", self.fields.get("exit", "")):
            out.append("missing exit: (the exit status)")
        elif (self.exit != 0) != bool(self.stderr):
            out.append("stderr: exactly when exit is not 0")
        return out


@dataclasses.dataclass(frozen=True)
class ProgCase(TcCase):
    """A program directory; ``expected()`` reads it with this corpus's rules."""

    def expected(self) -> ProgExpected:  # type: ignore[override]  # (as TcCase's)
        return ProgExpected.parse(self.expected_path.read_text(encoding="utf-8"))

    @property
    def multi_module(self) -> bool:
        return len(self.sources) > 1


def all_programs() -> list[ProgCase]:
    cases = []
    for d in sorted(p for p in PROGRAMS_DIR.iterdir() if (p / "expected.txt").is_file()):
        sources = tuple(sorted(p.relative_to(d).as_posix() for p in d.rglob("*.hs")))
        cases.append(ProgCase(d.name, d, "Main.hs", d / "expected.txt", sources))
    return cases


def name_program(stderr: str, main: str = "Main.hs") -> str:
    """runghc names the program after its file (``Main.hs: boom``, also ``Main.hs:
    Main.hs:(7,1)-(8,21): Non-exhaustive patterns ...``); the corpus writes ``<prog>: ``
    at the start of such lines. Nothing else is changed."""
    return re.sub(rf"^{re.escape(main)}: ", "<prog>: ", stderr, flags=re.MULTILINE)


def comparable(run: Run) -> Run:
    """``run`` as our back end's output is compared: GHC's ``CallStack (from
    HasCallStack):`` blocks dropped from stderr (apply it to both sides)."""
    return Run(run.stdout, normalise_stderr(run.stderr, "<prog>"), run.exit)


def expected_run(case: ProgCase) -> Run:
    """The recorded stdout, stderr (``""`` when absent) and exit status."""
    exp = case.expected()
    return Run(exp.stdout or "", exp.stderr or "", exp.exit)


def run_program(case: ProgCase, runghc: str = "runghc", timeout: float = 120) -> Run:
    """``runghc --ghc-arg=-XHaskell2010 --ghc-arg=-i. Main.hs ARGS < STDIN`` in a
    temporary copy of the program, with ghc_cases' environment (LC_ALL=C.UTF-8).
    Output is decoded as UTF-8 whatever the caller's locale; stderr goes through
    ``name_program``."""
    expected = case.expected()
    with tempfile.TemporaryDirectory(prefix="prog-run-") as tmp:
        copy_sources(case, Path(tmp))
        proc = subprocess.run(
            [runghc, *RUNGHC_FLAGS, case.main, *expected.args],
            cwd=tmp,
            env=ghc_env(),
            input=(expected.stdin or "").encode("utf-8"),
            capture_output=True,
            timeout=timeout,
        )
    stdout = proc.stdout.decode("utf-8")
    stderr = proc.stderr.decode("utf-8")
    return Run(stdout, name_program(stderr, case.main), proc.returncode)
