"""The ``ifacedir`` command line: registers the subcommands; ``main()`` is the entry point.

Each command imports what it needs inside its body, so ``ifacedir --help`` and a
command that touches only headers do not pay for the whole library.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.render import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

__all__ = ["app", "main"]

app = typer.Typer(
    name="ifacedir",
    help=(
        "Interface directories for a Haskell-style compiler: one directory per module, "
        "one checked file per compilation phase plus the final .hi. "
        "See spec/FORMAT.md for the format and spec/cli.md for every command."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from ifacedir import __version__
        from ifacedir.format.container import FORMAT_MAJOR, FORMAT_MINOR

        typer.echo(f"ifacedir {__version__} (container format {FORMAT_MAJOR}.{FORMAT_MINOR})")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Interface directories for a Haskell-style compiler."""


def _require_exists(paths: list[Path]) -> None:
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        typer.echo(f"ifacedir: {path}: no such file or directory", err=True)
    if missing:
        raise typer.Exit(EXIT_USAGE)


@app.command()
def inspect(
    path: Annotated[
        Path,
        typer.Argument(
            help="A container file, a module directory (X.hidir) or an output directory."
        ),
    ],
    section: Annotated[
        list[str] | None,
        typer.Option("--section", "-s", help="Decode only this section (repeatable)."),
    ] = None,
    header_only: Annotated[
        bool, typer.Option("--header-only", help="Show headers and section tables; decode nothing.")
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print a JSON report (schemas/inspect.schema.json).")
    ] = False,
    hexdump: Annotated[
        bool, typer.Option("--hex", help="For one file: every byte, annotated with its meaning.")
    ] = False,
    pretty: Annotated[
        bool,
        typer.Option(
            "--pretty",
            help="Print tc files through their reader: meta, exports, and the stored "
            "program as Haskell source.",
        ),
    ] = False,
) -> None:
    """Show what interface files hold: header, input fingerprints, sections, decoded payload.

    Reading is lazy: --header-only reads no section at all, --section NAME only that
    one. Bytes print as h'..' (hex); in --json they are {"$bytes": "<hex>"}.
    Exit status 1 if any file is unreadable or corrupt.
    """
    from cli.inspect import render_inspect
    from cli.render import emit_json
    from ifacedir.format.inspection import inspect_path

    _require_exists([path])
    if hexdump:
        _print_hexdump(path)
        return
    pretty = pretty and not (header_only or json_out)
    report = inspect_path(
        path, payload=not header_only and not pretty, sections=tuple(section or ())
    )
    problems: list[str] = []
    if json_out:
        emit_json(report)
    else:
        lines = render_inspect(
            report, show_payload=not header_only, pretty=pretty, problems=problems
        )
        for line in lines:
            typer.echo(line)
    bad = bool(problems) or any(
        f.error is not None or any(s.error is not None for s in f.sections) for f in report.files
    )
    raise typer.Exit(EXIT_PROBLEMS if bad else EXIT_OK)


def _print_hexdump(path: Path) -> None:
    from ifacedir.errors import FormatError
    from ifacedir.format.container import Container
    from ifacedir.format.hexdump import annotated_hexdump

    if path.is_dir():
        typer.echo("ifacedir: --hex takes a single file", err=True)
        raise typer.Exit(EXIT_USAGE)
    data = path.read_bytes()
    try:
        container = Container.from_bytes(data)
    except FormatError as exc:
        typer.echo(f"ifacedir: {path}: {exc.reason}", err=True)
        raise typer.Exit(EXIT_PROBLEMS) from None
    for line in annotated_hexdump(container, data):
        typer.echo(line)


@app.command()
def verify(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to check.")],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print a JSON report (schemas/verify.schema.json).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only bad files.")] = False,
) -> None:
    """Fully check interface files: every checksum, size, and canonical encoding.

    Directories are searched for module directories (each file is also checked
    against its place: module and phase) and for loose *.ifc / *.hi files.
    Exit status 1 listing each bad file and why; 0 when all are good.
    """
    from cli.render import emit_json
    from ifacedir.format.inspection import verify_paths

    _require_exists(paths)
    report = verify_paths(paths)
    if json_out:
        emit_json(report)
    else:
        for entry in report.files:
            if entry.error is not None:
                typer.echo(f"BAD {entry.path}: {entry.error.kind}: {entry.error.message}")
            elif not quiet:
                typer.echo(f"ok  {entry.path}")
        for stale in report.stale_temporaries:
            typer.echo(f"note: stale temporary file {stale} (harmless; removed by the next build)")
        typer.echo(f"verified {report.checked} file(s): {report.bad} bad")
    raise typer.Exit(EXIT_PROBLEMS if report.bad else EXIT_OK)


@app.command()
def check(
    path: Annotated[
        Path,
        typer.Argument(
            help="The program's main module (a .hs or .lhs file), or a directory: every "
            "module below it, with its imports."
        ),
    ],
    include: Annotated[
        list[Path] | None,
        typer.Option("--include", "-i", help="Also look for imported modules here (repeatable)."),
    ] = None,
    stop_after: Annotated[
        str,
        typer.Option(
            "--stop-after",
            help="Last phase to run: 'parse' (this file only), 'rename' or 'typecheck' "
            "(the default; both with every imported module).",
        ),
    ] = "typecheck",
    dump: Annotated[
        bool,
        typer.Option(
            "--dump",
            "--dump-renamed",
            help="Print the program's modules after the last phase, with explicit braces "
            "(renamed names qualified by their defining module).",
        ),
    ] = False,
    dump_types: Annotated[
        bool,
        typer.Option(
            "--dump-types",
            help="Print each program module's top-level types, one 'name :: type' per "
            "line, and its instances (like GHC's -ddump-types).",
        ),
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print a JSON report (schemas/check.schema.json).")
    ] = False,
    outdir: Annotated[
        Path | None,
        typer.Option(
            "--outdir",
            "-o",
            help="Write each program module's tc file (DIR/A/B.hidir/tc.ifc) after the "
            "last phase; modules with errors write nothing.",
        ),
    ] = None,
) -> None:
    """Check a program with the front end and print every error, GHC style.

    Imported modules are found next to PATH (or in PATH, a directory), then under each
    --include directory, then in package base, whose interface files are built on
    first use into the cache directory ($IFACEDIR_CACHE, see `ifacedir cache`).
    Exit status 1 if any error was found (or a tc file could not be written).
    """
    from cli.check import StopAfter, run_check
    from cli.render import emit_json

    _require_exists([path])
    phases: dict[str, StopAfter] = {"parse": "parse", "rename": "rename", "typecheck": "typecheck"}
    if stop_after not in phases:
        typer.echo(
            f"ifacedir: --stop-after: expected parse, rename or typecheck, got {stop_after!r}",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    if outdir is not None and stop_after == "parse":
        typer.echo(
            "ifacedir: --outdir needs --stop-after rename or typecheck (parse writes nothing)",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    _check_usage(path, stop_after, dump_types, json_out)
    base = None
    if stop_after != "parse":
        from ifacedir.iface.basecache import load_base

        loaded = load_base()
        for note in loaded.notes:
            typer.echo(f"ifacedir: {note}", err=True)
        base = loaded.base
    outcome = run_check(path, include or [], phases[stop_after], outdir, base)
    if json_out:
        emit_json(outcome.report)
    else:
        if outcome.rendered_errors:
            typer.echo(outcome.rendered_errors, err=True)
        for problem in outcome.report.write_errors:
            typer.echo(f"ifacedir: {problem}", err=True)
        for text in outcome.dumps if dump else ():
            typer.echo(text, nl=False)
        for text in outcome.type_dumps if dump_types else ():
            typer.echo(text, nl=False)
        if outcome.report.ok and not dump and not dump_types:
            count = len(outcome.report.modules)
            wrote = ""
            if outdir is not None:
                files = sum(1 for m in outcome.report.modules if m.tc_file is not None)
                wrote = f"; {files} tc file(s) under {outdir}"
            typer.echo(f"ok: {count} module(s) checked up to {stop_after}{wrote}")
    raise typer.Exit(EXIT_OK if outcome.report.ok else EXIT_PROBLEMS)


def _check_usage(path: Path, stop_after: str, dump_types: bool, json_out: bool) -> None:
    """Option combinations ``check`` refuses (exit 2)."""
    problem = None
    if path.is_dir() and stop_after == "parse":
        problem = "--stop-after parse takes a single file, not a directory"
    elif path.is_dir() and not any(True for _ in _modules_below(path)):
        problem = f"{path}: no .hs or .lhs module below this directory"
    elif dump_types and stop_after != "typecheck":
        problem = "--dump-types needs --stop-after typecheck"
    elif dump_types and json_out:
        problem = "--dump-types prints text: it does not combine with --json"
    if problem is not None:
        typer.echo(f"ifacedir: {problem}", err=True)
        raise typer.Exit(EXIT_USAGE)


def _modules_below(path: Path) -> list[tuple[str, str, Path]]:
    from ifacedir.rename.program import program_modules

    return program_modules(path)


_OUTDIR_HELP = "Where the module directories go (default: .ifacedir next to PATH)."
_LEVEL_HELP = "Optimisation: -O0 (local simplification only) or -O1 (inlining, unfoldings)."
_BACKEND_HELP = "The backend: interp (lazy interpreter) or python (generated Python)."


@app.command()
def build(
    path: Annotated[Path, typer.Argument(help="The main module (.hs/.lhs) or a directory.")],
    outdir: Annotated[Path | None, typer.Option("--outdir", "-o", help=_OUTDIR_HELP)] = None,
    level: Annotated[int, typer.Option("-O", help=_LEVEL_HELP, metavar="N")] = 0,
    backend: Annotated[str, typer.Option("--backend", "-b", help=_BACKEND_HELP)] = "interp",
    lint: Annotated[
        bool, typer.Option("--lint", help="Run Core Lint after desugaring and simplifying.")
    ] = False,
    include: Annotated[
        list[Path] | None,
        typer.Option("--include", "-i", help="Also look for imported modules here."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress lines.")] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (default 1: no workers).")
    ] = 1,
    no_split: Annotated[
        bool,
        typer.Option("--no-split", help="One task per module instead of one per (module, phase)."),
    ] = False,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going", "-k", help="Go on with modules that do not need a failed one."
        ),
    ] = False,
    trace: Annotated[
        Path | None,
        typer.Option("--trace", help="Write a Chrome/Perfetto trace of every phase here."),
    ] = None,
) -> None:
    """Compile a program through every phase: tc, ds, simpl, .hi and backend output.

    Each module gets OUTDIR/A/B.hidir/ with one file per phase. Only what is out of
    date runs: each (module, phase) is checked against the inputs its file records
    (`ifacedir explain` shows why a phase would run). Typechecking of a module waits
    only for its imports' typechecking, so with -j N the later phases of one module
    overlap the typechecking of others. Package base's files come from the per-user
    cache (built on first use for each -O level and backend). Exit status 1 on errors
    in the program; nothing newer than the last phase that succeeded is written for a
    module that fails.
    """
    from cli.build import cmd_build

    _require_exists([path])
    raise typer.Exit(
        cmd_build(
            path,
            outdir,
            level,
            backend,
            lint,
            include or [],
            json_out,
            quiet,
            jobs=jobs,
            split=not no_split,
            keep_going=keep_going,
            trace=trace,
        )
    )


@app.command()
def run(
    path: Annotated[Path, typer.Argument(help="The main module (.hs/.lhs) or a directory.")],
    args: Annotated[
        list[str] | None, typer.Argument(help="Arguments for the program (after --).")
    ] = None,
    outdir: Annotated[Path | None, typer.Option("--outdir", "-o", help=_OUTDIR_HELP)] = None,
    level: Annotated[int, typer.Option("-O", help=_LEVEL_HELP, metavar="N")] = 0,
    backend: Annotated[str, typer.Option("--backend", "-b", help=_BACKEND_HELP)] = "interp",
    include: Annotated[
        list[Path] | None,
        typer.Option("--include", "-i", help="Also look for imported modules here."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show build progress.")] = False,
) -> None:
    """Build the program if needed and run its main: `ifacedir run Main.hs -- ARGS`.

    stdin and stdout are the program's; ARGS reach getArgs. A run-time error prints
    `<prog>: message` on stderr as GHC's runtime does, with exit status 1; exitWith
    sets the status.
    """
    from cli.build import cmd_run

    _require_exists([path])
    status = cmd_run(path, outdir, level, backend, include or [], args or [], verbose)
    raise typer.Exit(status)


@app.command()
def resume(
    outdir: Annotated[Path, typer.Argument(help="An output directory of `ifacedir build`.")],
    start: Annotated[
        str, typer.Option("--from", help="Continue after this phase's files: tc or ds.")
    ] = "tc",
    level: Annotated[int, typer.Option("-O", help=_LEVEL_HELP, metavar="N")] = 0,
    backend: Annotated[str, typer.Option("--backend", "-b", help=_BACKEND_HELP)] = "interp",
    lint: Annotated[bool, typer.Option("--lint", help="Run Core Lint on the Core.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
) -> None:
    """Continue compilation from the tc or ds files on disk, with no source present.

    --from tc desugars every module that has a tc file, then simplifies, writes the
    .hi and the backend output; --from ds starts at simplification. The result is
    byte-identical to a build from source.
    """
    from cli.build import cmd_resume

    _require_exists([outdir])
    raise typer.Exit(cmd_resume(outdir, start, level, backend, lint, json_out))


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="The main module (.hs/.lhs) or a directory.")],
    outdir: Annotated[Path | None, typer.Option("--outdir", "-o", help=_OUTDIR_HELP)] = None,
    level: Annotated[int, typer.Option("-O", help=_LEVEL_HELP, metavar="N")] = 0,
    backend: Annotated[str, typer.Option("--backend", "-b", help=_BACKEND_HELP)] = "interp",
    include: Annotated[
        list[Path] | None,
        typer.Option("--include", "-i", help="Also look for imported modules here."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
    all_phases: Annotated[
        bool, typer.Option("--all", "-a", help="Also list the phases that are up to date.")
    ] = False,
) -> None:
    """Say, for each module and phase, whether `ifacedir build` would run it and why.

    Runs the build's own recompilation check on every (module, phase), and runs
    nothing. `rebuild` names the reasons (source changed, flag optimise changed,
    Data.Queue.push changed, M no longer exports g, output corrupt, ...); `maybe`
    means it waits for a phase that will run and runs only if that one's output
    changes.
    """
    from cli.build import cmd_explain

    _require_exists([path])
    raise typer.Exit(cmd_explain(path, outdir, level, backend, include or [], json_out, all_phases))


@app.command()
def diff(
    a: Annotated[Path, typer.Argument(help="An output directory (or one module's .hidir).")],
    b: Annotated[Path, typer.Argument(help="Another one, compared with the first.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
) -> None:
    """Compare two interface directories entity by entity.

    For each module: ABI, export list and instances changed or not, the entities
    added (+), removed (-) and changed (~), and the unfoldings that differ. Exit
    status 0 when everything is the same, 1 when something differs.
    """
    from cli.build import cmd_diff

    _require_exists([a, b])
    raise typer.Exit(cmd_diff(a, b, json_out))


@app.command()
def lint(
    path: Annotated[
        Path, typer.Argument(help="A ds/simpl file, a module directory or an output directory.")
    ],
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
) -> None:
    """Check Core files (spec/CORE.md §4): scoping, constructors, primitives, cases.

    Exit status 1 if any file has a problem or cannot be read.
    """
    from cli.build import cmd_lint

    _require_exists([path])
    raise typer.Exit(cmd_lint(path, json_out))


@app.command()
def backends() -> None:
    """List the registered backends and the phase each consumes."""
    from ifacedir.backend.plugin import backends as registered

    for name, b in registered().items():
        typer.echo(f"{name:<8} consumes {b.consumes.value:<6} {b.description}")


@app.command()
def cache(
    path: Annotated[
        bool, typer.Option("--path", help="Print the cache directory and exit.")
    ] = False,
    clear: Annotated[
        bool, typer.Option("--clear", help="Delete the cached package base (rebuilt on use).")
    ] = False,
) -> None:
    """Show or clear the per-user cache holding package base as interface files.

    The cache directory is $IFACEDIR_CACHE if set, else $XDG_CACHE_HOME/ifacedir, else
    ~/.cache/ifacedir. `ifacedir check` builds base there on first use (one
    base-<key> directory per compiler and base version; spec/FORMAT.md §14).
    """
    from ifacedir.iface.basecache import base_key, cache_root, clear_cache

    root = cache_root()
    if path:
        typer.echo(str(root))
        raise typer.Exit(EXIT_OK)
    if clear:
        removed = clear_cache(root)
        typer.echo(f"removed {len(removed)} cache director{'y' if len(removed) == 1 else 'ies'}")
        raise typer.Exit(EXIT_OK)
    current = root / f"base-{base_key()}"
    typer.echo(f"cache directory: {root}")
    state = "present" if current.is_dir() else "absent (built by the next check)"
    typer.echo(f"package base:    {current.name} ({state})")


@app.command()
def schema(
    write: Annotated[bool, typer.Option("--write", help="Regenerate the schema files.")] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the files are out of date.")
    ] = False,
    directory: Annotated[Path, typer.Option("--dir", help="Where the schemas live.")] = Path(
        "schemas"
    ),
) -> None:
    """Print, write or check the JSON Schemas generated from the payload models.

    Without options, prints the names of the schemas and whether the files in --dir
    are up to date.
    """
    from ifacedir.schemas import render_schemas, stale_schemas, write_schemas

    if write:
        for path in write_schemas(directory):
            typer.echo(f"wrote {path}")
        raise typer.Exit(EXIT_OK)
    stale = stale_schemas(directory)
    for name in render_schemas():
        typer.echo(f"{name:<24} {'OUT OF DATE' if name in stale else 'up to date'}")
    for name in stale:
        if name not in render_schemas():
            typer.echo(f"{name:<24} no longer generated (delete it)")
    if stale and check:
        typer.echo("run `ifacedir schema --write` to regenerate", err=True)
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def demo(
    outdir: Annotated[Path, typer.Argument(help="Output directory to create.")] = Path(
        "build/demo"
    ),
    level: Annotated[int, typer.Option("-O", help=_LEVEL_HELP, metavar="N")] = 1,
    backend: Annotated[str, typer.Option("--backend", "-b", help=_BACKEND_HELP)] = "python",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Build only; do not run or list.")
    ] = False,
) -> None:
    """Build the bundled example program into OUTDIR, run it, and list its files.

    The example (a bank-queue simulation over an abstract Data.Queue) is copied to
    OUTDIR/src; every module gets its tc, ds, simpl, .hi and backend output. The
    program prints exactly what GHC prints for it.
    """
    import sys

    from cli.demo import write_demo
    from ifacedir.backend.world import World
    from ifacedir.driver.build import BuildOptions
    from ifacedir.driver.build import run as run_program

    result = write_demo(outdir, level, backend)
    typer.echo(f"built {result.main} into {outdir} (-O{level}, backend {backend})", err=True)
    if quiet:
        return
    typer.echo("--- the program's output:", err=True)
    sys.stdout.flush()
    status = run_program(outdir, BuildOptions(level=level, backend=backend),
                         World.from_process([], "demo"))  # fmt: skip
    typer.echo(f"--- exit status {status}; the files written:", err=True)
    for path in result.written:
        typer.echo(f"  {path.relative_to(outdir).as_posix():<40} {path.stat().st_size:>7} bytes")
    typer.echo(f"next: ifacedir inspect {outdir}/Main.hidir --pretty", err=True)
    raise typer.Exit(status)


def main() -> None:
    """Console-script entry point: library errors become one line on stderr, exit 1."""
    from ifacedir.errors import IfacedirError

    try:
        app()
    except IfacedirError as exc:
        print(f"ifacedir: {exc}", file=sys.stderr)
        sys.exit(EXIT_PROBLEMS)
