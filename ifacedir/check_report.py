"""What ``ifacedir check --json`` prints: the modules checked and every diagnostic.

Diagnostics are data (ifacedir.diagnostics); this module only gives them a stable
JSON shape, validated by ``schemas/check.schema.json``, for editors and build tools.
Lines and columns are 1-based, columns visual with 8-column tab stops, and
``end_line``/``end_column`` point just past the last character, as in
ifacedir.syntax.span.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ifacedir.diagnostics import Diagnostic

__all__ = ["CheckReport", "DiagnosticEntry", "ModuleEntry", "diagnostic_entries"]


class DiagnosticEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    severity: Literal["error", "warning"]
    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    notes: list[str]


class ModuleEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    module: str
    package: str
    file: str
    ok: bool
    tc_file: str | None = None  # the tc file written, relative to --outdir (POSIX form)


class CheckReport(BaseModel):
    """The outcome of checking one program: ``ok`` is false when any error was found."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    target: str
    stop_after: Literal["parse", "rename", "typecheck"]
    ok: bool
    modules: list[ModuleEntry]
    diagnostics: list[DiagnosticEntry]
    write_errors: list[str] = []  # "module M, phase tc: PATH: reason" per file not written


def diagnostic_entries(diagnostics: Iterable[Diagnostic]) -> list[DiagnosticEntry]:
    """The diagnostics in source order (file, then position), as JSON entries."""
    return [
        DiagnosticEntry(
            code=d.code,
            severity=d.severity.value,
            file=d.span.file,
            line=d.span.start.line,
            column=d.span.start.col,
            end_line=d.span.end.line,
            end_column=d.span.end.col,
            message=d.message,
            notes=list(d.notes),
        )
        for d in sorted(diagnostics, key=lambda d: d.span)
    ]
