"""The build-driver benchmark: ``ifacedir build`` on a generated multi-module project,
from scratch, with nothing to do, and after each kind of edit, side by side with
``ghc --make``.

``python -m bench driver [--modules N] [--shape S] [--seed S] [--repeat R] [-O L] [--json]``

1. **Project** (:mod:`bench.projects`): ``N`` small modules (default 200) importing
   each other as a ``chain``, in ``layered`` layers or at ``random`` (the default),
   and a ``Main`` that imports the top ones, written to a temporary directory (tmpfs
   when there is one).
2. **Full builds**, each into a fresh output directory: ``ifacedir build DIR -o OUT
   --json`` with ``-j1``, ``-j2``, ``-j1 --no-split`` and ``-j2 --no-split``, and
   ``ghc --make -O<L> -outputdir OUT -o OUT/main -iDIR DIR/Main.hs``, interleaved in a
   rotating order.
3. **No-op rebuild**: the same commands again on the last full build's output.
4. **Edits** (:func:`bench.projects.apply_edit`, kinds ``comment``, ``body``,
   ``inline_body``, ``new_export``, ``type_change``, ``new_instance``, ``fixity``),
   each to :func:`bench.projects.default_target`'s module: apply the edit, rebuild
   both sides (timed), revert, rebuild both (untimed, reported as ``revert``). For
   ifacedir the report's ``ran`` list gives the (module, phase) pairs that ran; for
   GHC its ``[k of N] Compiling M`` lines give the modules it recompiled.
5. **Verification**, untimed: after the full builds and after every edit, the program
   that ``ifacedir run`` runs from the incremental output prints what GHC's
   executable prints (a mismatch is reported and makes the exit status 1).

Every ifacedir command is the CLI in a fresh process (what a user runs), with
``IFACEDIR_CACHE`` pointing to a cache of package base built by an untimed warm-up,
as GHC has its own package database compiled. Flags the CLI does not have yet (``-j``,
``--no-split``) are detected from ``ifacedir build --help``: scenarios needing them
are reported ``n/a``, and so are counts when the JSON report has no ``ran`` list.
Ratios are wall times, ifacedir / GHC, ratios of medians with the range of the
per-repetition paired ratios (above 1: ifacedir slower).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from bench.projects import (
    EDIT_KINDS,
    MAIN_FILE,
    SHAPES,
    apply_edit,
    default_target,
    generate_project,
)

__all__ = ["add_arguments", "format_table", "main", "run_driver_benchmark"]

Progress = Callable[[str], None]

FULL_VARIANTS: Final = ("-j1", "-j2", "-j1 --no-split", "-j2 --no-split")
_COMPILING: Final = re.compile(r"^\[\s*\d+ of\s+\d+\] Compiling (\S+)", re.MULTILINE)


@dataclass
class Build:
    """One build: wall time, and what ran (``None``: the report does not say)."""

    seconds: float
    pairs: frozenset[tuple[str, str]] | None
    modules: frozenset[str] | None
    notes: tuple[str, ...] = ()  # ifacedir's: "built package base's cache" spoils a timing

    def counts(self, names: bool = False) -> dict[str, Any]:
        """Sizes of what ran; with ``names``, which modules too."""
        phases: dict[str, int] = {}
        for _module, phase in self.pairs or ():
            phases[phase] = phases.get(phase, 0) + 1
        return {
            "pairs": None if self.pairs is None else len(self.pairs),
            "modules": None if self.modules is None else len(self.modules),
            "phases": phases if self.pairs is not None else None,
            **({"module_names": sorted(self.modules or ())} if names else {}),
            **({"notes": list(self.notes)} if self.notes else {}),
        }


# ---------------------------------------------------------------------------
# The two compilers, as subprocesses


def _ifacedir_command() -> list[str]:
    """The installed script next to this interpreter (``.venv/bin/ifacedir``), else
    ``python -m ifacedir``."""
    script = Path(sys.executable).with_name("ifacedir")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ifacedir"]


@dataclass
class Ifacedir:
    """``ifacedir build`` and ``run`` with the run's base cache and the flags this CLI
    accepts."""

    cache: Path
    level: int
    command: list[str] = field(default_factory=_ifacedir_command)
    jobs_flag: str | None = None
    split_flag: str | None = None

    def __post_init__(self) -> None:
        done = subprocess.run(
            [*self.command, "build", "--help"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        help_text = done.stdout
        if re.search(r"(?<![\w-])--jobs\b", help_text):
            self.jobs_flag = "--jobs"
        elif re.search(r"(?<![\w-])-j\b", help_text):
            self.jobs_flag = "-j"
        if re.search(r"(?<![\w-])--no-split\b", help_text):
            self.split_flag = "--no-split"

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "IFACEDIR_CACHE": str(self.cache)}

    def flags(self, variant: str) -> list[str] | None:
        """The command-line flags of a variant (``-j2 --no-split``), or ``None`` if
        this CLI lacks one of them; ``-j1`` without ``-j`` is the CLI's default."""
        out: list[str] = []
        for word in variant.split():
            if word.startswith("-j"):
                if self.jobs_flag is None:
                    if word != "-j1":
                        return None
                    continue
                out += [self.jobs_flag, word[2:]]
            elif word == "--no-split":
                if self.split_flag is None:
                    return None
                out.append(self.split_flag)
            else:
                raise ValueError(f"unknown variant word {word!r}")
        return out

    def missing(self, variant: str) -> str:
        lacks = [f for f in ("-j", "--no-split") if f in variant and self.flags(variant) is None]
        return "the CLI has no " + " / ".join(lacks or ["such flag"])

    def build(self, project: Path, out: Path, flags: Sequence[str]) -> Build:
        command = [
            *self.command,
            "build",
            str(project),
            "-o",
            str(out),
            f"-O{self.level}",
            *flags,
            "--json",
        ]
        before = self._cache_entries()
        elapsed, done = _run_timed(command, self.env)
        try:
            report = json.loads(done.stdout)
        except json.JSONDecodeError as exc:
            raise AssertionError(
                f"{' '.join(command)}: no JSON report ({exc}; exit {done.returncode}):\n"
                f"{done.stdout[-2000:]}{done.stderr[-4000:]}"
            ) from exc
        if done.returncode != 0 or not report.get("ok"):
            errors = "\n".join(report.get("errors", []))
            raise AssertionError(
                f"{' '.join(command)} failed (exit {done.returncode}):\n{errors}{done.stderr}"
            )
        notes = tuple(str(n) for n in report.get("notes", []))
        if self._cache_entries() - before:
            notes += ("package base's cache was rebuilt (ifacedir's own sources changed?)",)
        ran = report.get("ran")
        if not isinstance(ran, list):
            return Build(elapsed, None, None, notes)
        pairs = frozenset((str(r["module"]), str(r["phase"])) for r in ran)
        return Build(elapsed, pairs, frozenset(m for m, _p in pairs), notes)

    def _cache_entries(self) -> set[str]:
        """The cache's entries: a new one means this build built package base's files,
        keyed by ifacedir's own sources, which change when the driver is edited under a
        running benchmark; a build that did so is flagged, not silently timed."""
        try:
            return set(os.listdir(self.cache))
        except FileNotFoundError:
            return set()

    def run(self, project: Path, out: Path) -> str:
        command = [*self.command, "run", str(project), "-o", str(out), f"-O{self.level}"]
        done = subprocess.run(command, capture_output=True, text=True, env=self.env, check=False)
        if done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed:\n{done.stderr}")
        return done.stdout


@dataclass
class Ghc:
    path: str
    level: int

    def version(self) -> str:
        done = subprocess.run([self.path, "--numeric-version"], capture_output=True, text=True)
        return done.stdout.strip()

    def build(self, project: Path, out: Path) -> Build:
        out.mkdir(parents=True, exist_ok=True)
        command = [
            self.path,
            "--make",
            f"-O{self.level}",
            "-outputdir",
            str(out),
            "-o",
            str(out / "main"),
            f"-i{project}",
            str(project / MAIN_FILE),
        ]
        elapsed, done = _run_timed(command, None)
        if done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        compiled = frozenset(_COMPILING.findall(done.stdout))
        return Build(elapsed, frozenset((m, "compile") for m in compiled), compiled)

    def run(self, out: Path) -> str:
        done = subprocess.run([str(out / "main")], capture_output=True, text=True, check=True)
        return done.stdout


def _run_timed(
    command: Sequence[str], env: Mapping[str, str] | None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter_ns()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return (time.perf_counter_ns() - start) / 1e9, done


# ---------------------------------------------------------------------------
# Files


def _write(root: Path, files: Mapping[str, str], previous: Mapping[str, str] | None) -> int:
    """Write the files that differ from ``previous`` (all without it): untouched files
    keep their modification times, which GHC 9.0's recompilation check reads."""
    written = 0
    for path, text in files.items():
        if previous is not None and previous.get(path) == text:
            continue
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
        written += 1
    return written


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


def _default_parent() -> Path | None:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


@contextmanager
def _workdir(parent: Path | None) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="bench-driver-", dir=parent) as tmp:
        yield Path(tmp)


# ---------------------------------------------------------------------------
# Statistics


def _figures(samples: Sequence[float]) -> dict[str, Any]:
    return {"seconds": statistics.median(samples), "samples_s": list(samples)}


def _ratio(num: Sequence[float], den: Sequence[float]) -> dict[str, Any]:
    paired = [a / b for a, b in zip(num, den, strict=True)]
    return {
        "ratio": statistics.median(num) / statistics.median(den),
        "range": [min(paired), max(paired)],
    }


def _rotated(items: Sequence[str], rep: int) -> list[str]:
    shift = rep % len(items) if items else 0
    return [*items[shift:], *items[:shift]]


# ---------------------------------------------------------------------------
# The run


@dataclass
class _Setup:
    root: Path
    project: Path
    files: dict[str, str]
    ours: Ifacedir
    ghc: Ghc | None
    jobs: int
    repeat: int
    say: Progress
    verify: bool


def run_driver_benchmark(
    *,
    modules: int = 200,
    shape: str = "random",
    seed: int = 0,
    repeat: int = 1,
    level: int = 0,
    jobs: int = 1,
    edits: Sequence[str] = EDIT_KINDS,
    ghc: bool | None = None,
    verify: bool = True,
    workdir: Path | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run the benchmark; return a JSON-compatible report (see ``format_table``).

    ``ghc``: ``None`` runs GHC when it is on ``PATH``, ``True`` requires it. ``jobs``:
    the ``-j`` of the no-op and edit rebuilds. ``verify``: compare the programs' output
    after every build (untimed; needs GHC)."""
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}")
    unknown = [e for e in edits if e not in EDIT_KINDS]
    if unknown:
        raise ValueError(f"unknown edit kinds: {', '.join(unknown)}")
    say: Progress = progress or (lambda _msg: None)
    ghc_path = shutil.which("ghc") if ghc is not False else None
    if ghc and ghc_path is None:
        raise RuntimeError("ghc is not on PATH")
    files = generate_project(modules, shape, seed)
    lines = sum(text.count("\n") for text in files.values())
    say(f"generated {len(files)} modules ({shape}, seed {seed}), {lines} lines")
    parent = workdir if workdir is not None else _default_parent()
    with _workdir(parent) as root:
        project = root / "src"
        _write(project, files, None)
        setup = _Setup(
            root=root,
            project=project,
            files=files,
            ours=Ifacedir(cache=root / "ifacedir-cache", level=level),
            ghc=Ghc(ghc_path, level) if ghc_path else None,
            jobs=jobs,
            repeat=repeat,
            say=say,
            verify=verify and ghc_path is not None,
        )
        _warm_up(setup)
        report: dict[str, Any] = {
            "benchmark": "driver",
            "config": {
                "modules": modules,
                "shape": shape,
                "seed": seed,
                "repeat": repeat,
                "level": level,
                "jobs": jobs,
                "edits": list(edits),
                "ifacedir_command": [*setup.ours.command, "build"],
                "cli_flags": {"jobs": setup.ours.jobs_flag, "no_split": setup.ours.split_flag},
                "statistic": "median of repetitions; measures interleaved, order rotating",
            },
            "machine": _machine(root),
            "project": {"modules": len(files), "lines": lines},
            "ghc_version": setup.ghc.version() if setup.ghc else None,
            "revision": _revision(),
        }
        full, inc_out, ghc_out = _full_builds(setup)
        report["full"] = full
        report["noop"] = _noop(setup, inc_out, ghc_out)
        report["verified"] = {"full": _verify(setup, inc_out, ghc_out)}
        report["edits"] = {}
        for kind in edits:
            report["edits"][kind] = _edit(setup, kind, inc_out, ghc_out)
            report["verified"][kind] = report["edits"][kind].pop("verified")
    return report


def _revision() -> str | None:
    """The source tree's commit (``+dirty`` if modified): the driver changes fast, so a
    report is only comparable with others from the same revision."""
    repo = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "ifacedir", "cli"],
            cwd=repo,
            capture_output=True,
            text=True,
        )
    except OSError:
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def _machine(root: Path) -> dict[str, Any]:
    from bench.format import _machine as machine_info

    return machine_info(root)


def _warm_up(s: _Setup) -> None:
    """Untimed: package base's cache for ifacedir (every variant's flags, on a one-module
    project) and GHC's first start."""
    tiny = s.root / "tiny"
    tiny_files = generate_project(1, "chain", 0)
    _write(tiny, tiny_files, None)
    start = time.perf_counter()
    for variant in FULL_VARIANTS:
        flags = s.ours.flags(variant)
        if flags is not None:
            s.ours.build(tiny, _fresh(s.root / "tiny-out"), flags)
    if s.ghc is not None:
        s.ghc.build(tiny, _fresh(s.root / "tiny-ghc"))
    s.say(f"warm-up (package base's cache, GHC's first start): {time.perf_counter() - start:.1f}s")


def _full_builds(s: _Setup) -> tuple[dict[str, Any], Path, Path]:
    """Every variant from scratch; returns the report and the output directories the
    incremental scenarios continue from."""
    measures = [v for v in FULL_VARIANTS if s.ours.flags(v) is not None]
    if s.ghc is not None:
        measures.append("ghc")
    samples: dict[str, list[float]] = {m: [] for m in measures}
    counts: dict[str, dict[str, Any]] = {}
    out_of = {m: s.root / ("out-" + m.replace(" ", "").replace("-", "")) for m in measures}
    for rep in range(s.repeat):
        for m in _rotated(measures, rep):
            if m == "ghc":
                assert s.ghc is not None
                b = s.ghc.build(s.project, _fresh(out_of[m]))
            else:
                flags = s.ours.flags(m)
                assert flags is not None
                b = s.ours.build(s.project, _fresh(out_of[m]), flags)
            samples[m].append(b.seconds)
            counts[m] = b.counts()
        s.say(
            f"full build {rep + 1}/{s.repeat}: "
            + "  ".join(f"{m} {samples[m][-1]:.2f}s{_notes(counts[m])}" for m in measures)
        )
    report: dict[str, Any] = {
        "variants": {
            v: (
                {**_figures(samples[v]), **counts[v]}
                if v in samples
                else {"skipped": s.ours.missing(v)}
            )
            for v in [*FULL_VARIANTS, *(["ghc"] if s.ghc else [])]
        },
        "vs_ghc": {},
        "ratios": {},
    }
    if "ghc" in samples:
        report["vs_ghc"] = {
            v: _ratio(samples[v], samples["ghc"]) for v in FULL_VARIANTS if v in samples
        }
    if "-j1" in samples and "-j2" in samples:
        report["ratios"]["-j2 / -j1"] = _ratio(samples["-j2"], samples["-j1"])
    if "-j2" in samples and "-j2 --no-split" in samples:
        report["ratios"]["-j2 --no-split / -j2"] = _ratio(samples["-j2 --no-split"], samples["-j2"])
    inc_variant = f"-j{s.jobs}"
    if inc_variant in out_of:
        inc_out = out_of[inc_variant]
    else:  # no full build with these flags: make one, untimed
        flags = s.ours.flags(inc_variant)
        if flags is None:
            raise RuntimeError(f"{inc_variant}: {s.ours.missing(inc_variant)}")
        inc_out = s.root / "out-inc"
        s.ours.build(s.project, _fresh(inc_out), flags)
    ghc_out = out_of.get("ghc", s.root / "out-ghc")
    return report, inc_out, ghc_out


def _inc_flags(s: _Setup) -> list[str]:
    flags = s.ours.flags(f"-j{s.jobs}")
    assert flags is not None  # checked by _full_builds
    return flags


def _noop(s: _Setup, inc_out: Path, ghc_out: Path) -> dict[str, Any]:
    measures = ["ifacedir", *(["ghc"] if s.ghc else [])]
    samples: dict[str, list[float]] = {m: [] for m in measures}
    counts: dict[str, dict[str, Any]] = {}
    for rep in range(s.repeat):
        for m in _rotated(measures, rep):
            if m == "ghc":
                assert s.ghc is not None
                b = s.ghc.build(s.project, ghc_out)
            else:
                b = s.ours.build(s.project, inc_out, _inc_flags(s))
            samples[m].append(b.seconds)
            counts[m] = b.counts()
        s.say(
            f"no-op rebuild {rep + 1}/{s.repeat}: "
            + "  ".join(f"{m} {samples[m][-1]:.2f}s{_notes(counts[m])}" for m in measures)
        )
    report: dict[str, Any] = {m: {**_figures(samples[m]), **counts[m]} for m in measures}
    if s.ghc is not None:
        report["vs_ghc"] = _ratio(samples["ifacedir"], samples["ghc"])
    return report


def _verify(s: _Setup, inc_out: Path, ghc_out: Path) -> bool | None:
    """Both programs, built incrementally, print the same (``None``: not checked)."""
    if not s.verify or s.ghc is None:
        return None
    ours, theirs = s.ours.run(s.project, inc_out), s.ghc.run(ghc_out)
    if ours != theirs:
        s.say(f"  MISMATCH: ifacedir run printed {ours!r}, GHC's program {theirs!r}")
        return False
    return True


def _edit(s: _Setup, kind: str, inc_out: Path, ghc_out: Path) -> dict[str, Any]:
    """Apply, rebuild both (timed), revert, rebuild both (untimed), ``repeat`` times."""
    target = default_target(s.files, kind)
    edited = apply_edit(s.files, kind, target)
    changed = sorted(p for p in edited if edited[p] != s.files[p])
    measures = ["ifacedir", *(["ghc"] if s.ghc else [])]
    samples: dict[str, list[float]] = {m: [] for m in measures}
    after: dict[str, list[dict[str, Any]]] = {m: [] for m in measures}
    revert: dict[str, list[dict[str, Any]]] = {m: [] for m in measures}
    verified: bool | None = None

    def build(m: str) -> Build:
        if m == "ghc":
            assert s.ghc is not None
            return s.ghc.build(s.project, ghc_out)
        return s.ours.build(s.project, inc_out, _inc_flags(s))

    for rep in range(s.repeat):
        _write(s.project, edited, s.files)
        order = _rotated(measures, rep)
        for m in order:
            b = build(m)
            samples[m].append(b.seconds)
            after[m].append(b.counts(names=True))
        if rep == 0:
            verified = _verify(s, inc_out, ghc_out)
        _write(s.project, s.files, edited)
        for m in order:
            revert[m].append(build(m).counts(names=True))
        s.say(
            f"edit {kind} ({target}) {rep + 1}/{s.repeat}: "
            + "  ".join(
                f"{m} {samples[m][-1]:.2f}s {_count_text(after[m][-1], m == 'ghc')}"
                for m in measures
            )
        )
    report: dict[str, Any] = {
        "target": target,
        "files_changed": changed,
        "verified": verified,
    }
    for m in measures:
        report[m] = {
            **_figures(samples[m]),
            **after[m][0],
            "stable": all(c == after[m][0] for c in after[m]),
            "revert": revert[m][0],
        }
    return report


def _count_text(counts: Mapping[str, Any], ghc: bool) -> str:
    if ghc:
        return f"({counts['modules']} modules)"
    if counts["pairs"] is None:
        return f"(ran: n/a){_notes(counts)}"
    return f"({counts['pairs']} pairs, {counts['modules']} modules){_notes(counts)}"


def _notes(counts: Mapping[str, Any]) -> str:
    return "".join(f" [ifacedir note: {n}]" for n in counts.get("notes", ()))


# ---------------------------------------------------------------------------
# Output


def _fmt_ratio(r: Mapping[str, Any] | None) -> str:
    if r is None:
        return "-"
    lo, hi = r["range"]
    return f"{r['ratio']:.2f}x ({lo:.2f}-{hi:.2f})"


def _na(value: object) -> str:
    return "n/a" if value is None else str(value)


def format_table(report: Mapping[str, Any]) -> str:
    """The report as text (what ``python -m bench driver`` prints)."""
    cfg, mach, proj = report["config"], report["machine"], report["project"]
    ghc_name = f"ghc {report['ghc_version']} --make -O{cfg['level']}"
    lines = [
        f"ifacedir build-driver benchmark: {proj['modules']} modules ({cfg['shape']}, seed "
        f"{cfg['seed']}), {proj['lines']} lines, -O{cfg['level']}, median of {cfg['repeat']} "
        "interleaved repetition(s)",
        f"machine: {mach['nproc']} CPUs ({mach['cpu']}), Python {mach['python']}, "
        f"{mach['platform']}, files on {mach['workdir_fs']}; ifacedir at "
        f"{report.get('revision') or 'unknown revision'}",
        "",
        "full build, fresh output directory:",
        f"{'command':<36} {'seconds':>8} {'vs ghc':>20} {'pairs ran':>10} {'modules':>8}",
    ]
    full = report["full"]
    for name, v in full["variants"].items():
        label = ghc_name if name == "ghc" else f"ifacedir build {name}"
        if "skipped" in v:
            lines.append(f"{label:<36} n/a ({v['skipped']})")
            continue
        vs = "1.00x" if name == "ghc" else _fmt_ratio(full["vs_ghc"].get(name))
        pairs = "-" if name == "ghc" else _na(v["pairs"])
        lines.append(
            f"{label:<36} {v['seconds']:>8.2f} {vs:>20} {pairs:>10} {_na(v['modules']):>8}"
        )
    for name, r in full["ratios"].items():
        lines.append(f"  {name}: {_fmt_ratio(r)}")
    noop = report["noop"]
    lines += [
        "",
        f"no-op rebuild (ifacedir build -j{cfg['jobs']}):",
        f"{'command':<36} {'seconds':>8} {'vs ghc':>20} {'pairs ran':>10} {'modules':>8}",
    ]
    for name in ("ifacedir", "ghc"):
        if name not in noop:
            continue
        v = noop[name]
        label = ghc_name if name == "ghc" else f"ifacedir build -j{cfg['jobs']}"
        vs = "1.00x" if name == "ghc" else _fmt_ratio(noop.get("vs_ghc"))
        pairs = "-" if name == "ghc" else _na(v["pairs"])
        lines.append(
            f"{label:<36} {v['seconds']:>8.2f} {vs:>20} {pairs:>10} {_na(v['modules']):>8}"
        )
    lines += [
        "",
        "edits, each applied and rebuilt (timed), then reverted and rebuilt (untimed):",
        f"{'edit':<13} {'target':<11} {'files':>5} {'pairs':>6} {'modules':>8} "
        f"{'ghc modules':>12} {'ifacedir s':>11} {'ghc s':>7} {'output':>7}",
    ]
    for kind, e in report["edits"].items():
        ours, ghc = e["ifacedir"], e.get("ghc")
        verified = report["verified"].get(kind)
        check = {True: "same", False: "DIFFER", None: "-"}[verified]
        ghc_s = f"{ghc['seconds']:.2f}" if ghc else "-"
        lines.append(
            f"{kind:<13} {e['target']:<11} {len(e['files_changed']):>5} {_na(ours['pairs']):>6} "
            f"{_na(ours['modules']):>8} {_na(ghc['modules']) if ghc else '-':>12} "
            f"{ours['seconds']:>11.2f} {ghc_s:>7} "
            f"{check:>7}"
        )
    if report["edits"] and all(e["ifacedir"]["pairs"] is None for e in report["edits"].values()):
        lines.append("(pairs/modules n/a: this ifacedir's build --json report has no 'ran' list)")
    notes = _all_notes(report)
    if notes:
        lines.append("ifacedir notes during timed builds (such a build's time is spoilt):")
        lines += [f"  {where}: {note}" for where, note in notes]
    full_ok = report["verified"].get("full")
    if full_ok is not None:
        lines.append(
            "output after the full build: "
            + ("ifacedir run and GHC's program print the same" if full_ok else "DIFFER")
        )
    return "\n".join(lines)


def _all_notes(report: Mapping[str, Any]) -> list[tuple[str, str]]:
    found = [(f"full {n}", v.get("notes", [])) for n, v in report["full"]["variants"].items()]
    found.append(("no-op", report["noop"]["ifacedir"].get("notes", [])))
    found += [(f"edit {k}", e["ifacedir"].get("notes", [])) for k, e in report["edits"].items()]
    return [(where, note) for where, notes in found for note in notes]


def report_ok(report: Mapping[str, Any]) -> bool:
    """No verification found the two programs printing different things."""
    return all(v is not False for v in report["verified"].values())


# ---------------------------------------------------------------------------
# Command line


def _edit_list(text: str) -> list[str]:
    kinds = [k.strip() for k in text.split(",") if k.strip()]
    bad = [k for k in kinds if k not in EDIT_KINDS]
    if bad:
        raise argparse.ArgumentTypeError(
            f"unknown edit kind(s) {', '.join(bad)}; choose from {', '.join(EDIT_KINDS)}"
        )
    return kinds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--modules", type=int, default=200, help="generated modules")
    parser.add_argument("--shape", choices=SHAPES, default="random", help="import graph")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    parser.add_argument("--repeat", type=int, default=1, help="repetitions; medians reported")
    parser.add_argument(
        "-O", dest="level", type=int, choices=(0, 1), default=0, help="-O level of both compilers"
    )
    parser.add_argument("--jobs", type=int, default=1, help="-j of the no-op and edit rebuilds")
    parser.add_argument(
        "--edits",
        type=_edit_list,
        default=list(EDIT_KINDS),
        help=f"comma-separated edit kinds (default: all of {','.join(EDIT_KINDS)})",
    )
    parser.add_argument("--no-ghc", action="store_true", help="skip GHC even when on PATH")
    parser.add_argument(
        "--no-verify", action="store_true", help="do not compare the programs' output"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="parent of the temporary directory (default: /dev/shm if present, else $TMPDIR)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def main(args: argparse.Namespace) -> int:
    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    report = run_driver_benchmark(
        modules=args.modules,
        shape=args.shape,
        seed=args.seed,
        repeat=args.repeat,
        level=args.level,
        jobs=args.jobs,
        edits=args.edits,
        ghc=False if args.no_ghc else None,
        verify=not args.no_verify,
        workdir=args.dir,
        progress=None if args.quiet else progress,
    )
    print(json.dumps(report, indent=2) if args.json else format_table(report))
    return 0 if report_ok(report) else 1
