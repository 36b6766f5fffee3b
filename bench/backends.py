"""The backend benchmark: the reference interpreter and the Python code generator side
by side on the same Core, with ``runghc`` and a ``ghc -O0`` executable beside them.

``python -m bench backends [--repeat R] [--quick] [--no-ghc] [--no-corpus] [--json]``

1. **Programs** (``bench/programs/``, each taking its size as its first argument):
   ``nfib`` (calls and ``Int`` arithmetic), ``queens`` (lists, comprehensions,
   closures), ``sieve`` (lazy lists, filters, ``mod`` through the ``Integral``
   dictionary). ``--quick`` uses tiny sizes and ``-O1`` only.
2. **Compilation**, untimed: each program through the front end, the desugarer and
   the simplifier in memory (ifacedir.driver.inmemory) at ``-O0`` and ``-O1``, then
   ``emit_module`` on every module (its time is reported, not part of the runs). An
   untimed warm-up runs every measure once (so CPython has compiled the generated
   text of package base, as it would have on disk, and GHC's caches are warm) and
   records the output every later run must print.
3. **Runs**, timed, interleaved within each repetition in a rotating order, a
   collection before each: *interp* is ``interp.run_program`` (compiling the Core it
   reaches, then running); *python* is ``PythonProgram`` (loading and linking the
   generated modules: *load*, reported apart) then ``main`` to its end (*run*).
   Both on a ``run_deep`` thread, as ``run_program`` and ``run_python_program`` do.
4. **GHC**, when ``ghc`` and ``runghc`` are on ``PATH`` (not with ``--no-ghc``):
   ``runghc`` on the source (wall time, start-up included: it interprets) and the
   executable ``ghc -O0`` made (compiled once, untimed), with the same argument.
5. **Corpus** (not with ``--quick`` or ``--no-corpus``): every program of
   tests/programs at ``-O1``, its recorded stdin and arguments, each backend's
   evaluation (interpreter: ``run_program``; Python: load + run) summed over the
   corpus, front end excluded; each repetition runs the corpus once per backend.

Each figure is the median of ``R`` repetitions; a ratio is the ratio of medians, with
the range of the per-repetition ratios: ``interp / python`` above 1 means the Python
backend is faster; ``python / runghc`` and ``python / ghc -O0`` how far from GHC it
is. The machines are shared and noisy: compare ratios from one run, not times across
runs (bench/README.md).
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

__all__ = [
    "PROGRAMS",
    "add_arguments",
    "format_table",
    "main",
    "run_backends_benchmark",
]

PROGRAM_DIR: Final = Path(__file__).resolve().parent / "programs"
CORPUS_DIR: Final = Path(__file__).resolve().parent.parent / "tests" / "programs"
PROGRAMS: Final[Mapping[str, tuple[str, str]]] = {
    "nfib": ("22", "12"),
    "queens": ("7", "4"),
    "sieve": ("2500", "200"),
}
"""Program -> (size, ``--quick`` size)."""

Progress = Callable[[str], None]
Measure = Callable[[], tuple[float, bytes]]


@dataclass
class _Compiled:
    """A program's Core and generated sources at one level."""

    modules: list[Any]
    sources: list[tuple[str, str, str]]
    entry: Any
    emit_s: float


def _compile(main: Path, level: int) -> _Compiled:
    from ifacedir.backend.python import emit_module
    from ifacedir.driver.inmemory import compile_in_memory

    modules = compile_in_memory(main, level)
    start = time.perf_counter()
    sources = [(m.module, m.package, emit_module(m)) for m in modules]
    emit_s = time.perf_counter() - start
    entry = [m.entry for m in modules if m.entry is not None][-1]
    return _Compiled(modules, sources, entry, emit_s)


def _interp(c: _Compiled, args: Sequence[str], stdin: bytes = b"") -> tuple[float, bytes]:
    from ifacedir.backend.interp import run_program
    from ifacedir.backend.world import World

    world = World.in_memory(stdin, args, "<prog>")
    gc.collect()
    start = time.perf_counter()
    run_program(c.modules, c.entry, world)
    return time.perf_counter() - start, world.stdout_bytes()


def _python(c: _Compiled, args: Sequence[str], stdin: bytes = b"") -> tuple[float, float, bytes]:
    """(load seconds, run seconds, stdout)."""
    from ifacedir.backend.python import PythonProgram
    from ifacedir.backend.python_load import deep_evaluation
    from ifacedir.backend.world import World, run_main
    from ifacedir.util.deep import run_deep

    world = World.in_memory(stdin, args, "<prog>")

    def both() -> tuple[float, float]:
        start = time.perf_counter()
        program = PythonProgram(c.sources, world)
        loaded = time.perf_counter()
        main = program.global_value(c.entry.module, c.entry.occ)
        with deep_evaluation():
            run_main(program, main, world)
        return loaded - start, time.perf_counter() - loaded

    gc.collect()
    load, run = run_deep(both)
    return load, run, world.stdout_bytes()


def _ghc_measures(main: Path, arg: str, workdir: Path) -> dict[str, Measure]:
    """``runghc`` and the ``ghc -O0`` executable of ``main`` (built here, untimed)."""
    ghc, runghc = shutil.which("ghc"), shutil.which("runghc")
    if ghc is None or runghc is None:
        return {}
    name = main.parent.name
    exe = workdir / f"{name}-O0"
    build = [ghc, "-O0", "-XHaskell2010", "-v0", "-outputdir", str(workdir / name)]
    subprocess.run([*build, "-o", str(exe), str(main)], check=True, capture_output=True)

    def wall(command: list[str]) -> Measure:
        def measure() -> tuple[float, bytes]:
            gc.collect()
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=True)
            return time.perf_counter() - start, done.stdout

        return measure

    return {
        "runghc": wall([runghc, "--ghc-arg=-XHaskell2010", str(main), arg]),
        "ghc -O0": wall([str(exe), arg]),
    }


def _ratio(num: Sequence[float], den: Sequence[float]) -> dict[str, Any]:
    paired = [a / b for a, b in zip(num, den, strict=True)]
    return {
        "ratio": statistics.median(num) / statistics.median(den),
        "range": [min(paired), max(paired)],
    }


def _rotated(items: Sequence[str], rep: int) -> list[str]:
    shift = rep % len(items)
    return [*items[shift:], *items[:shift]]


def _program_rows(
    name: str, arg: str, levels: Sequence[int], repeat: int, ghc: bool, tmp: Path, say: Progress
) -> list[dict[str, Any]]:
    main = PROGRAM_DIR / name / "Main.hs"
    compiled = {level: _compile(main, level) for level in levels}
    ghc_runs = _ghc_measures(main, arg, tmp) if ghc else {}
    measures: dict[str, Measure] = dict(ghc_runs)
    loads: dict[int, list[float]] = {level: [] for level in levels}
    for level, c in compiled.items():

        def run_interp(c: _Compiled = c) -> tuple[float, bytes]:
            return _interp(c, [arg])

        def run_python(level: int = level, c: _Compiled = c) -> tuple[float, bytes]:
            load, run, out = _python(c, [arg])
            loads[level].append(load)
            return run, out

        measures[f"interp -O{level}"] = run_interp
        measures[f"python -O{level}"] = run_python
    expected: bytes | None = None
    for key, measure in measures.items():  # warm-up, untimed, and the expected output
        _, out = measure()
        if expected is None:
            expected = out
        if out != expected:
            raise AssertionError(f"{name}: {key} printed {out!r}, expected {expected!r}")
    for level in levels:
        loads[level].clear()
    samples: dict[str, list[float]] = {key: [] for key in measures}
    for rep in range(repeat):
        for key in _rotated(list(measures), rep):
            seconds, out = measures[key]()
            if out != expected:
                raise AssertionError(f"{name}: {key} printed {out!r}, expected {expected!r}")
            samples[key].append(seconds)
        say(f"{name} {arg}: repetition {rep + 1}/{repeat}")
    rows = []
    for level in levels:
        interp, python = samples[f"interp -O{level}"], samples[f"python -O{level}"]
        total = [r + load for r, load in zip(python, loads[level], strict=True)]
        row: dict[str, Any] = {
            "program": name,
            "size": arg,
            "level": level,
            "emit_s": compiled[level].emit_s,
            "seconds": {
                "interp": statistics.median(interp),
                "python": statistics.median(python),
                "python load": statistics.median(loads[level]),
                **{k: statistics.median(samples[k]) for k in ghc_runs},
            },
            "interp/python": _ratio(interp, python),
            "interp/python+load": _ratio(interp, total),
        }
        for k in ghc_runs:
            row[f"python/{k}"] = _ratio(python, samples[k])
        rows.append(row)
    return rows


def _corpus(repeat: int, say: Progress) -> dict[str, Any]:
    """Step 5 of the module docstring."""
    sys.path.insert(0, str(CORPUS_DIR))
    sys.path.insert(0, str(CORPUS_DIR.parent / "typecheck_corpus"))
    from prog_cases import all_programs  # type: ignore[import-not-found]

    cases = []
    for case in all_programs():
        expected = case.expected()
        c = _compile(case.root / case.main, 1)
        cases.append((c, expected.args, (expected.stdin or "").encode()))
    say(f"corpus: {len(cases)} programs compiled at -O1")
    for c, args, stdin in cases:  # warm-up
        _python(c, args, stdin)
    interp: list[float] = []
    python: list[float] = []
    for rep in range(repeat):
        for key in _rotated(["interp", "python"], rep):
            total = 0.0
            for c, args, stdin in cases:
                if key == "interp":
                    total += _interp(c, args, stdin)[0]
                else:
                    load, run, _ = _python(c, args, stdin)
                    total += load + run
            (interp if key == "interp" else python).append(total)
        say(f"corpus: repetition {rep + 1}/{repeat}")
    return {
        "programs": len(cases),
        "level": 1,
        "seconds": {"interp": statistics.median(interp), "python": statistics.median(python)},
        "interp/python": _ratio(interp, python),
    }


def run_backends_benchmark(
    repeat: int = 3,
    quick: bool = False,
    ghc: bool = True,
    corpus: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run the benchmark; a JSON-compatible report (see ``format_table``)."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    say: Progress = progress or (lambda _msg: None)
    levels = (1,) if quick else (0, 1)
    ghc = ghc and shutil.which("ghc") is not None and shutil.which("runghc") is not None
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-backends-") as tmp:
        for name, (size, quick_size) in PROGRAMS.items():
            arg = quick_size if quick else size
            rows += _program_rows(name, arg, levels, repeat, ghc, Path(tmp), say)
    report: dict[str, Any] = {
        "benchmark": "backends",
        "repeat": repeat,
        "quick": quick,
        "ghc": ghc,
        "rows": rows,
        "corpus": _corpus(repeat, say) if corpus and not quick else None,
    }
    return report


def _fmt(r: Mapping[str, Any] | None, digits: int = 1) -> str:
    if r is None:
        return "-"
    lo, hi = r["range"]
    return f"{r['ratio']:.{digits}f} ({lo:.{digits}f}-{hi:.{digits}f})"


def format_table(report: Mapping[str, Any]) -> str:
    """The report as text (what ``python -m bench backends`` prints)."""
    head = (
        f"{'program':<7} {'size':>5} {'-O':>2} {'interp':>7} {'python':>7} {'load':>5} "
        f"{'runghc':>7} {'ghc-O0':>7}  {'interp/python':>15}  {'python/runghc':>15}"
        f"  {'python/ghc-O0':>15}"
    )
    lines = [
        f"backends: median of {report['repeat']} interleaved repetitions, seconds"
        + ("" if report["ghc"] else " (ghc not measured)"),
        head,
        "-" * len(head),
    ]
    for row in report["rows"]:
        s = row["seconds"]

        def sec(key: str, width: int, s: Mapping[str, float] = s) -> str:
            return f"{s[key]:>{width}.3f}" if key in s else f"{'-':>{width}}"

        lines.append(
            f"{row['program']:<7} {row['size']:>5} {row['level']:>2} {sec('interp', 7)} "
            f"{sec('python', 7)} {s['python load']:>5.2f} {sec('runghc', 7)} "
            f"{sec('ghc -O0', 7)}  {_fmt(row['interp/python']):>15}"
            f"  {_fmt(row.get('python/runghc')):>15}  {_fmt(row.get('python/ghc -O0'), 0):>15}"
        )
    lines.append(
        "(python: run only; load: linking the generated modules, their text compiled "
        "by CPython in the untimed warm-up; interp includes compiling the Core it reaches)"
    )
    corpus = report.get("corpus")
    if corpus is not None:
        s = corpus["seconds"]
        lines.append(
            f"corpus: {corpus['programs']} programs of tests/programs at -O{corpus['level']}, "
            f"evaluation only: interp {s['interp']:.2f} s, python {s['python']:.2f} s "
            f"(load + run), interp/python {_fmt(corpus['interp/python'])}"
        )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians reported")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, -O1 only, no corpus")
    parser.add_argument("--no-ghc", action="store_true", help="skip runghc and ghc -O0")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus measure")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def main(args: argparse.Namespace) -> int:
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = run_backends_benchmark(
        repeat=args.repeat,
        quick=args.quick,
        ghc=not args.no_ghc,
        corpus=not args.no_corpus,
        progress=None if args.quiet else progress,
    )
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0
