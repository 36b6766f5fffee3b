"""``ifacedir build``, ``run``, ``resume`` and ``lint``: the CLI side of ifacedir.driver.build.

Each ``cmd_*`` function does one command and returns its exit status (spec/cli.md):
0 success, 1 errors in the program or its files, 2 bad usage; ``run`` returns the
program's own status. Progress goes to stderr (``[ 1 of  3] Desugaring Main``);
``--json`` prints a ``BuildReport`` (schemas/build.schema.json) on stdout instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from cli.render import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from ifacedir.driver.build import BuildOptions, BuildResult

__all__ = ["cmd_build", "cmd_lint", "cmd_resume", "cmd_run", "default_outdir"]

DEFAULT_OUTDIR: Final = ".ifacedir"


def default_outdir(path: Path) -> Path:
    """``.ifacedir`` next to the main module (or inside a directory of modules)."""
    root = path if path.is_dir() else path.parent
    return root / DEFAULT_OUTDIR


def _progress(quiet: bool) -> Callable[[str], None] | None:
    if quiet:
        return None
    return lambda line: print(line, file=sys.stderr, flush=True)


def _report(result: BuildResult, json_out: bool, quiet: bool) -> int:
    from cli.render import emit_json
    from ifacedir.driver.report import BuildReport

    if json_out:
        errors = ([result.rendered] if result.rendered else []) + result.errors
        from ifacedir.driver.report import TaskRun

        ran = [
            TaskRun(module=m, phase=s.value, why=result.why.get((m, s), [])) for m, s in result.ran
        ]
        emit_json(
            BuildReport(
                outdir=str(result.outdir),
                ok=result.ok,
                modules=result.modules,
                errors=errors,
                notes=result.notes,
                ran=ran,
                up_to_date=result.up_to_date,
                skipped=result.skipped,
            )
        )
        return EXIT_OK if result.ok else EXIT_PROBLEMS
    for note in result.notes:
        print(f"ifacedir: {note}", file=sys.stderr)
    if result.rendered:
        print(result.rendered, file=sys.stderr)
    for error in result.errors:
        if not (result.source_errors and error.endswith("error(s) in its source")):
            print(f"ifacedir: {error}", file=sys.stderr)
    for module in result.skipped:
        print(
            f"ifacedir: module {module}: not compiled (a module below it failed)", file=sys.stderr
        )
    if result.ok and not quiet:
        n = len({m for m, _ in result.ran})
        print(
            f"ok: {len(result.modules)} module(s) in {result.outdir}: {len(result.ran)} phase(s) "
            f"of {n} module(s) run, {result.up_to_date} up to date",
            file=sys.stderr,
        )
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _options(
    level: int, backend: str, lint: bool, include: list[Path], **driver: object
) -> BuildOptions:
    from ifacedir.driver.build import BuildOptions

    return BuildOptions(
        level=level,
        backend=backend,
        lint=lint,
        search_path=tuple(include),
        **driver,  # type: ignore[arg-type]
    )


def _check_usage(level: int, backend: str) -> int | None:
    from ifacedir.backend.plugin import UnknownBackendError, get_backend

    if level not in (0, 1):
        print(f"ifacedir: -O{level}: the levels are -O0 and -O1", file=sys.stderr)
        return EXIT_USAGE
    try:
        get_backend(backend)
    except UnknownBackendError as exc:
        print(f"ifacedir: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return None


def cmd_build(
    path: Path,
    outdir: Path | None,
    level: int,
    backend: str,
    lint: bool,
    include: list[Path],
    json_out: bool,
    quiet: bool = False,
    jobs: int = 1,
    split: bool = True,
    keep_going: bool = False,
    trace: Path | None = None,
) -> int:
    from ifacedir.driver.build import build

    bad = _check_usage(level, backend)
    if bad is not None:
        return bad
    if jobs < 1:
        print(f"ifacedir: -j {jobs}: need at least one job", file=sys.stderr)
        return EXIT_USAGE
    options = _options(
        level, backend, lint, include, jobs=jobs, split=split, keep_going=keep_going, trace=trace
    )
    target = outdir if outdir is not None else default_outdir(path)
    if json_out or quiet or not sys.stderr.isatty():
        result = build(path, target, options, None if json_out else _progress(quiet))
        return _report(result, json_out, quiet)
    with _ProgressBar() as bar:  # on a terminal: the lines scroll above a bar
        result = build(path, target, options, bar.line, bar.tick)
    return _report(result, json_out, quiet)


class _ProgressBar:
    """A rich progress bar on stderr under the progress lines (terminals only)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
            auto_refresh=False,  # no refresh thread: workers are forked (see scheduler)
        )
        self._task = self._progress.add_task("build", total=None)

    def __enter__(self) -> _ProgressBar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def line(self, text: str) -> None:
        self._progress.console.print(text, markup=False, highlight=False)
        self._progress.refresh()

    def tick(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)
        self._progress.refresh()


def cmd_run(
    path: Path,
    outdir: Path | None,
    level: int,
    backend: str,
    include: list[Path],
    args: list[str],
    verbose: bool,
) -> int:
    """Build quietly (errors still print), then run ``main`` with the real stdin and
    stdout, ``args`` reaching ``getArgs``."""
    from ifacedir.backend.world import World
    from ifacedir.driver.build import build, run
    from ifacedir.errors import IfacedirError

    bad = _check_usage(level, backend)
    if bad is not None:
        return bad
    options = _options(level, backend, False, include)
    target = outdir if outdir is not None else default_outdir(path)
    result = build(path, target, options, _progress(not verbose))
    if not result.ok:
        return _report(result, False, True)
    prog = path.stem if path.is_file() else "main"
    world = World.from_process(args, prog)
    try:
        return run(target, options, world)
    except IfacedirError as exc:
        print(f"ifacedir: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS


def cmd_resume(
    outdir: Path, start: str, level: int, backend: str, lint: bool, json_out: bool
) -> int:
    from ifacedir.driver.build import resume
    from ifacedir.driver.plan import Step

    bad = _check_usage(level, backend)
    if bad is not None:
        return bad
    starts = {"tc": Step.DS, "ds": Step.SIMPL}
    if start not in starts:
        print(f"ifacedir: --from: expected tc or ds, got {start!r}", file=sys.stderr)
        return EXIT_USAGE
    options = _options(level, backend, lint, [])
    result = resume(outdir, starts[start], options, None if json_out else _progress(False))
    return _report(result, json_out, False)


def cmd_lint(path: Path, json_out: bool) -> int:
    """Core Lint on a ds/simpl file, a module directory or an output directory."""
    import json

    from ifacedir.driver.lintfiles import lint_path

    findings = lint_path(path)
    if json_out:
        print(json.dumps({"files": findings}, indent=2, sort_keys=True))
    else:
        for file, problems in findings.items():
            if not problems:
                print(f"ok  {file}")
            for p in problems:
                print(f"BAD {file}: {p}")
        bad = sum(1 for p in findings.values() if p)
        print(f"linted {len(findings)} file(s): {bad} with problems")
    return EXIT_PROBLEMS if any(findings.values()) else EXIT_OK


def cmd_explain(
    path: Path,
    outdir: Path | None,
    level: int,
    backend: str,
    include: list[Path],
    json_out: bool,
    all_phases: bool,
) -> int:
    from cli.render import emit_json
    from ifacedir.driver.explain import Verdict, explain

    bad = _check_usage(level, backend)
    if bad is not None:
        return bad
    target = outdir if outdir is not None else default_outdir(path)
    report = explain(path, target, _options(level, backend, False, include))
    if json_out:
        emit_json(report)
        return EXIT_OK if report.ok else EXIT_PROBLEMS
    for error in report.errors:
        print(error if "\n" in error else f"ifacedir: {error}", file=sys.stderr)
    shown = 0
    for v in report.phases:
        if v.verdict is Verdict.UP_TO_DATE and not all_phases:
            continue
        shown += 1
        why = "; ".join(v.reasons)
        print(f"{v.module:<30} {v.phase:<8} {v.verdict.value:<10} {why}".rstrip())
    if report.ok:
        rebuild = sum(1 for v in report.phases if v.verdict is Verdict.REBUILD)
        maybe = sum(1 for v in report.phases if v.verdict is Verdict.MAYBE)
        print(
            f"{len(report.phases)} phase(s): {rebuild} to rebuild, {maybe} maybe, "
            f"{len(report.phases) - rebuild - maybe} up to date"
        )
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_diff(a: Path, b: Path, json_out: bool) -> int:
    from cli.render import emit_json
    from ifacedir.iface.diff import diff_outdirs

    report = diff_outdirs(a, b)
    if json_out:
        emit_json(report)
        return EXIT_OK if report.same else EXIT_PROBLEMS
    for m in report.modules:
        if m.status in ("added", "removed"):
            print(f"{m.module}: {m.status}")
            continue
        if m.status == "same":
            print(f"{m.module}: same")
            continue
        flags = [
            what
            for what, on in (
                ("ABI", m.abi_changed),
                ("export list", m.exports_changed),
                ("instances", m.instances_changed),
            )
            if on
        ]
        print(f"{m.module}: changed" + (f" ({', '.join(flags)})" if flags else ""))
        for k in m.added:
            print(f"  + {k}")
        for k in m.removed:
            print(f"  - {k}")
        for k in m.changed:
            print(f"  ~ {k}")
        for k in m.unfoldings_changed:
            print(f"  ~ unfolding of {k}")
        for p in m.problems:
            print(f"  ! {p}")
    return EXIT_OK if report.same else EXIT_PROBLEMS
