"""``ifacedir check``: run the front end on a program and report every diagnostic.

Two stopping points exist today (the typechecker will add a third):

* ``parse``: lex, lay out and parse the one file named;
* ``rename``: parse and rename the file and every module it imports, with the
  Prelude and the rest of package base (``ifacedir.rename.program``).

Errors are printed as GHC prints them, each quoting its source line with a caret
(``ifacedir.diagnostics.render_all``); ``--json`` prints a ``CheckReport`` instead.
``--dump`` prints the program's own modules (not base's) as Haskell source with
explicit braces: parsed names as written, or renamed names qualified by their
defining module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ifacedir.check_report import CheckReport, ModuleEntry, diagnostic_entries
from ifacedir.diagnostics import Diagnostic, SourceError, render_all

__all__ = ["CheckOutcome", "StopAfter", "run_check"]

StopAfter = Literal["parse", "rename"]


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    report: CheckReport
    rendered_errors: str  # GHC-style text of every diagnostic ("" if none)
    dumps: tuple[str, ...]  # one pretty-printed module per program module


def run_check(path: Path, search_path: Sequence[Path], stop_after: StopAfter) -> CheckOutcome:
    if stop_after == "parse":
        return _check_parse(path)
    return _check_rename(path, search_path)


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


def _check_rename(path: Path, search_path: Sequence[Path]) -> CheckOutcome:
    from ifacedir.rename.program import MAIN_PACKAGE, rename_program
    from ifacedir.syntax.pretty import pretty_module

    result = rename_program(path, search_path)
    failed_files = {d.span.file for d in result.diagnostics}
    entries = [
        ModuleEntry(
            module=m.module.name,
            package=m.exports.package,
            file=m.module.span.file,
            ok=m.module.span.file not in failed_files,
        )
        for m in result.modules
        if m.exports.package == MAIN_PACKAGE
    ]
    dumps = tuple(
        pretty_module(m.module) for m in result.modules if m.exports.package == MAIN_PACKAGE
    )
    sources = dict(result.sources)
    return _outcome(path, "rename", entries, list(result.diagnostics), sources, dumps)


def _outcome(
    path: Path,
    stop_after: StopAfter,
    modules: list[ModuleEntry],
    diagnostics: list[Diagnostic],
    sources: dict[str, str],
    dumps: tuple[str, ...],
) -> CheckOutcome:
    report = CheckReport(
        target=str(path),
        stop_after=stop_after,
        ok=not diagnostics,
        modules=modules,
        diagnostics=diagnostic_entries(diagnostics),
    )
    rendered = render_all(diagnostics, sources) if diagnostics else ""
    return CheckOutcome(report, rendered, dumps if not diagnostics else ())
