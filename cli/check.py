"""``ifacedir check``: run the front end on a program and report every diagnostic.

Three stopping points:

* ``parse``: lex, lay out and parse the one file named;
* ``rename``: parse and rename the file and every module it imports, with the
  Prelude and the rest of package base (``ifacedir.rename.program``);
* ``typecheck`` (the default): rename, then typecheck every module in dependency
  order (``ifacedir.typecheck.typecheck.typecheck_program``).

The program is a main file, or a directory whose every module is checked (Note [A
directory of modules] in ifacedir.rename.program). Package base comes from its
interface files in the per-user cache when the caller passes them
(ifacedir.iface.basecache; ``ifacedir check`` does), else from source.

Errors are printed as GHC prints them, each quoting its source line with a caret
(``ifacedir.diagnostics.render_all``); ``--json`` prints a ``CheckReport`` instead.
``--dump`` prints the program's own modules (not base's) as Haskell source with
explicit braces: parsed names as written, renamed names qualified by their
defining module, or (after typechecking) the typed tree as the typechecker left it.
``--dump-types`` prints each program module's types as GHC's ``-ddump-types`` does
(``ifacedir.typecheck.typecheck.dump_types``).

With an output directory (``--outdir``), every module of the program's own package
that passed the last phase gets its ``tc`` file (ifacedir.iface.tcfile), see
Note [What check writes].

Note [What check writes]
~~~~~~~~~~~~~~~~~~~~~~~~
* Only modules of package ``main``. Base modules are not written to DIR: they live
  in the per-user base cache (ifacedir.iface.basecache), written once by the same
  writer, and their interface fingerprints, which importers' files record as inputs,
  are read from those files' headers. Without the cache they are checked in memory
  (Note [Caching the base library] in ifacedir.rename.program) and the fingerprints
  computed in memory the same way, so an importer's file is the same either way.
* A module is written only if it passed: a module with errors, or one skipped
  because an import failed, writes nothing, and whatever file it had before stays
  as it was (DESIGN, "Robustness"). That old file is never mistaken for current: its
  header's ``source`` and ``import:`` inputs are those of the sources it was built
  from. Every write is atomic, so an interrupted ``check`` leaves each file old or
  new, never partial.
* Files are written after the whole program has been checked, in dependency
  order; a file whose bytes would not change is not rewritten.
* What the file holds is the result of the last pass run: stage ``typecheck`` (the
  typechecker's ``TcResult`` and ``TcInterface``) by default, stage ``rename`` (the
  ``RenamedModule``) with ``--stop-after rename``. Its ``import:`` inputs follow the
  stage: the imported modules' exports, and after typechecking their interfaces too
  (Note [Inputs of a tc file] in ifacedir.iface.tcfile).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ifacedir.check_report import CheckReport, ModuleEntry, diagnostic_entries
from ifacedir.diagnostics import Diagnostic, SourceError, render_all

if TYPE_CHECKING:
    from ifacedir.iface.basecache import BaseInterfaces
    from ifacedir.syntax import ast
    from ifacedir.typecheck.typecheck import TcResult

__all__ = ["CheckOutcome", "StopAfter", "run_check"]

StopAfter = Literal["parse", "rename", "typecheck"]


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    report: CheckReport
    rendered_errors: str  # GHC-style text of every diagnostic ("" if none)
    dumps: tuple[str, ...]  # one pretty-printed module per program module
    type_dumps: tuple[str, ...] = ()  # --dump-types: one per program module (typecheck)


def run_check(
    path: Path,
    search_path: Sequence[Path],
    stop_after: StopAfter,
    outdir: Path | None = None,
    base: BaseInterfaces | None = None,
) -> CheckOutcome:
    """Check the program (a main file, or a directory of modules except for ``parse``);
    with ``outdir`` (not for ``parse``) also write its tc files. ``base``: package
    base's interfaces (else base is checked from source)."""
    if stop_after == "parse":
        return _check_parse(path)
    return _check_program(path, search_path, stop_after, outdir, base)


def _check_parse(path: Path) -> CheckOutcome:
    from ifacedir.parse.parser import parse_module
    from ifacedir.parse.source import read_source
    from ifacedir.syntax.pretty import pretty_module

    label = path.name
    try:
        text = read_source(path, label)
    except SourceError as exc:
        return _outcome(path, "parse", [], list(exc.diagnostics), {}, ())
    try:
        module = parse_module(text, label)
    except SourceError as exc:
        entry = ModuleEntry(module="?", package="main", file=label, ok=False)
        return _outcome(path, "parse", [entry], list(exc.diagnostics), {label: text}, ())
    entry = ModuleEntry(module=module.name, package="main", file=label, ok=True)
    return _outcome(path, "parse", [entry], [], {label: text}, (pretty_module(module),))


def _check_program(
    path: Path,
    search_path: Sequence[Path],
    stop_after: StopAfter,
    outdir: Path | None,
    base: BaseInterfaces | None,
) -> CheckOutcome:
    """``rename`` or ``typecheck``: the whole program, and its tc files with ``outdir``."""
    from ifacedir.rename.program import MAIN_PACKAGE, rename_program
    from ifacedir.syntax.pretty import pretty_module

    dumped: dict[str, ast.Module[Any]] = {}
    typed: dict[str, TcResult] | None = None
    if stop_after == "typecheck":
        from ifacedir.typecheck.typecheck import typecheck_program

        checked = typecheck_program(path, search_path, base)
        result, diagnostics = checked.renamed, list(checked.diagnostics)
        typed = {m.module.name: m for m in checked.modules if m.ok}
        dumped = {name: m.module for name, m in typed.items()}
    else:
        result = rename_program(path, search_path, None if base is None else base.exports)
        diagnostics = list(result.diagnostics)
        dumped = {m.module.name: m.module for m in result.modules}
    failed_files = {d.span.file for d in diagnostics}
    own = [m for m in result.modules if m.exports.package == MAIN_PACKAGE]
    passed = [m for m in own if m.module.span.file not in failed_files and m.module.name in dumped]
    sources = dict(result.sources)
    written: dict[str, str] = {}
    write_errors: list[str] = []
    if outdir is not None:
        from ifacedir.driver.frontend import write_tc_files

        written, write_errors = write_tc_files(outdir, passed, result.modules, typed, sources, base)
    ok_names = {m.module.name for m in passed}
    entries = [
        ModuleEntry(
            module=m.module.name,
            package=m.exports.package,
            file=m.module.span.file,
            ok=m.module.name in ok_names,
            tc_file=written.get(m.module.name),
        )
        for m in own
    ]
    dumps = tuple(pretty_module(dumped[m.module.name]) for m in passed)
    type_dumps = () if typed is None else _type_dumps([typed[m.module.name] for m in passed])
    outcome = _outcome(path, stop_after, entries, diagnostics, sources, dumps, write_errors)
    return dataclasses.replace(outcome, type_dumps=type_dumps if outcome.dumps else ())


def _type_dumps(results: Sequence[TcResult]) -> tuple[str, ...]:
    """``--dump-types``: each module's types, GHC's ``-ddump-types`` shape, headed by
    ``-- Module M`` when there are several modules."""
    from ifacedir.typecheck.typecheck import dump_types

    if len(results) == 1:
        return (dump_types(results[0]),)
    return tuple(f"-- Module {r.module.name}\n{dump_types(r)}" for r in results)


def _outcome(
    path: Path,
    stop_after: StopAfter,
    modules: list[ModuleEntry],
    diagnostics: list[Diagnostic],
    sources: dict[str, str],
    dumps: tuple[str, ...],
    write_errors: Sequence[str] = (),
) -> CheckOutcome:
    report = CheckReport(
        target=str(path),
        stop_after=stop_after,
        ok=not diagnostics and not write_errors,
        modules=modules,
        diagnostics=diagnostic_entries(diagnostics),
        write_errors=list(write_errors),
    )
    rendered = render_all(diagnostics, sources) if diagnostics else ""
    return CheckOutcome(report, rendered, dumps if not diagnostics else ())
