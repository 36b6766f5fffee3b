"""Diagnostics: what the compiler says about a source file, and how it is printed.

A ``Diagnostic`` is data: an error code, a severity, the span it is about, a one-line
message and optional notes. Passes collect diagnostics instead of stopping at the first
problem, and raise ``SourceError`` (which carries all of them) when they cannot go on.

Every code lives in ``ERROR_CODES`` with a one-line summary, so the set of diagnostics
the compiler can produce is listed in one place; constructing a ``Diagnostic`` with an
unregistered code is a bug and raises ``ValueError``. Codes are grouped by a letter and
a hundred: ``L0xx`` lexer, ``L1xx`` literate scripts, ``L2xx`` the layout rule, ``P0xx`` the
parser, ``R0xx`` the renamer, ``T0xx`` the typechecker.

``render`` prints one diagnostic the way GHC does::

    Foo.hs:3:5: error: [L001] unterminated string literal
      |
    3 | x = "abc
      |     ^^^^
      note: ...

It takes the source text as an argument and never reads files, so it can render
diagnostics for sources that only exist in memory (tests, editors, the driver's cache).
Tabs in the quoted line are expanded to the Report's tab stops so the carets line up
with the columns in the header (see Note [Columns and tab stops] in ifacedir.syntax.span).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from ifacedir.errors import IfacedirError
from ifacedir.syntax.span import TAB_STOP, SrcSpan

__all__ = [
    "ERROR_CODES",
    "Diagnostic",
    "Severity",
    "SourceError",
    "error",
    "has_errors",
    "render",
    "render_all",
]

ERROR_CODES: Final[Mapping[str, str]] = {
    # Lexer (Report chapter 2).
    "L001": "unterminated string literal",
    "L002": "unterminated block comment",
    "L003": "unterminated character literal",
    "L004": "invalid escape sequence",
    "L005": "numeric escape sequence out of range",
    "L006": "illegal character in source",
    "L007": "character literal must hold exactly one character",
    "L008": "illegal character in string or character literal",
    "L009": "a reserved operator cannot be qualified",
    "L010": "malformed pragma",
    "L011": "source file is not valid UTF-8",
    "L012": "source file cannot be read",
    # Literate scripts (Report §10.4).
    "L101": "program line next to a comment line",
    "L102": "\\begin{code} without a matching \\end{code}",
    "L103": "\\end{code} without a matching \\begin{code}",
    # The layout rule (Report §10.3).
    "L201": "explicit close brace does not match an explicit open brace",
    # Renamer (Report chapter 5 and §3.5, §4.4, §10.6).
    "R001": "not in scope",
    "R002": "ambiguous occurrence",
    "R003": "multiple declarations of one top-level name",
    "R004": "conflicting definitions in one binding group or pattern",
    "R005": "duplicate type signatures",
    "R006": "multiple fixity declarations",
    "R007": "type signature without a binding",
    "R008": "fixity declaration without a binding",
    "R009": "equations with different numbers of arguments",
    "R010": "not a (visible) subordinate of a type or class",
    "R011": "conflicting exports",
    "R012": "export item `module M` names no import",
    "R013": "imported module does not export the item",
    "R014": "module not found",
    "R015": "main is not exported by module Main",
    "R016": "main is not defined in module Main",
    "R017": "precedence parsing error",
    "R018": "section operand binds less tightly than its operator",
    "R019": "module imports form a cycle",
    "R020": "file name does not match module name",
    "R021": "declaration not allowed in an instance body",
    # Typechecker (Report §4, THIH).
    "T001": "type mismatch",
    "T002": "occurs check: cannot construct an infinite type",
    "T003": "kind mismatch",
    "T004": "no instance for a class constraint",
    "T005": "ambiguous type variable",
    "T006": "overlapping or duplicate instance",
    "T007": "invalid class declaration",
    "T008": "invalid default declaration",
    "T009": "occurs check: cannot construct an infinite kind",
    "T010": "type synonym not fully applied",
    "T011": "cycle in type synonym declarations",
    "T012": "illegal instance declaration",
    "T013": "could not deduce a constraint from the context of a signature",
    "T014": "a type signature is more general than the inferred type (rigid type variable)",
    "T015": "main is not of type IO t",
    "T016": "cannot derive an instance",
    "T017": "invalid record construction, update or pattern",
    "T018": "a type signature without a binding, or a duplicate signature",
    # Parser (Report chapters 3-5).
    "P001": "parse error on an input token",
    "P002": "unsupported feature (outside the accepted subset of Haskell 2010)",
    "P003": "input nested too deeply",
    "P004": "parse error at a layout token (possibly incorrect indentation or brackets)",
    "P005": "empty do block",
    "P006": "the last statement of a do block is not an expression",
    "P007": "fixity precedence out of range",
    "P008": "qualified name in binding position",
    "P009": "parse error in pattern",
    "P010": "invalid type signature",
    "P011": "block expression in function application",
    "P012": "malformed context, class or instance head",
    "P013": "malformed declaration head",
    # the driver's downsweep and plan (ifacedir.driver.graph, ifacedir.driver.plan)
    "D001": "module defined in more than one file",
    "D002": "module found in more than one search directory",
    "D003": "module imports form a cycle that no hs-boot file breaks",
    "D004": "binding in an hs-boot file",
    "D005": "module differs from its hs-boot file",
}


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One message about one span of a source file."""

    code: str
    severity: Severity
    span: SrcSpan
    message: str
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in ERROR_CODES:
            raise ValueError(f"unregistered diagnostic code {self.code!r}")


def error(code: str, span: SrcSpan, message: str, *notes: str) -> Diagnostic:
    """An error-severity diagnostic."""
    return Diagnostic(code, Severity.ERROR, span, message, notes)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class SourceError(IfacedirError):
    """A source file was rejected; ``diagnostics`` says why (at least one error).

    Bad source is bad input, so this is an ``IfacedirError`` like every other failure
    a caller of the library can meet on bad input (see ifacedir.errors).
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        summary = _header(first) if first else "source error"
        if len(self.diagnostics) > 1:
            summary += f" (and {len(self.diagnostics) - 1} more)"
        super().__init__(summary)


_NEWLINE: Final = re.compile(r"\r\n?|\n")


def render(diagnostic: Diagnostic, source: str | None = None) -> str:
    """The diagnostic as GHC-style text; quotes the line from ``source`` when given."""
    lines = [_header(diagnostic)]
    if source is not None:
        lines.extend(_excerpt(diagnostic.span, source))
    lines.extend(f"  note: {note}" for note in diagnostic.notes)
    return "\n".join(lines)


def render_all(diagnostics: Iterable[Diagnostic], sources: Mapping[str, str]) -> str:
    """Every diagnostic in source order, each quoting ``sources[its file]`` if present."""
    ordered = sorted(diagnostics, key=lambda d: d.span)
    return "\n\n".join(render(d, sources.get(d.span.file)) for d in ordered)


def _header(d: Diagnostic) -> str:
    loc = d.span.start
    return f"{d.span.file}:{loc.line}:{loc.col}: {d.severity}: [{d.code}] {d.message}"


def _excerpt(span: SrcSpan, source: str) -> list[str]:
    """The gutter, the quoted line and the caret line; nothing if the line is missing."""
    text = _source_line(source, span.start.line)
    if text is None:
        return []
    shown = text.expandtabs(TAB_STOP)
    start = span.start.col
    end = span.end.col if span.end.line == span.start.line else len(shown) + 1
    width = max(1, end - start)
    shown, start, width = _window(shown, start, width)
    gutter = " " * len(str(span.start.line))
    return [
        f"{gutter} |",
        f"{span.start.line} | {shown}",
        f"{gutter} | {' ' * (start - 1)}{'^' * width}",
    ]


_MAX_QUOTE: Final = 120


def _window(line: str, start: int, width: int) -> tuple[str, int, int]:
    """At most about ``_MAX_QUOTE`` characters of ``line`` around column ``start``, with
    "..." where it was cut, and the caret's new column and width (a generated file can
    have a line of megabytes; the caret must still be findable)."""
    if len(line) <= _MAX_QUOTE:
        return line, start, width
    left = max(0, start - 1 - _MAX_QUOTE // 3)
    right = min(len(line), left + _MAX_QUOTE)
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(line) else ""
    new_start = start - left + len(prefix)
    new_width = max(1, min(width, right - (start - 1)))
    return prefix + line[left:right] + suffix, new_start, new_width


def _source_line(source: str, line: int) -> str | None:
    """Line ``line`` (1-based) of ``source`` without its terminator."""
    if line < 1:
        return None
    pos = 0
    for _ in range(line - 1):
        m = _NEWLINE.search(source, pos)
        if m is None:
            return None
        pos = m.end()
    m = _NEWLINE.search(source, pos)
    return source[pos : m.start() if m else len(source)]
