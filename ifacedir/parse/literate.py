"""Literate Haskell scripts (Report §10.4): recover the program text of a ``.lhs`` file.

The Report gives two conventions, and a script may use either (or, unwisely, both):

* **Bird tracks.** Program lines begin with ``>``; every other line is commentary.
  The program is recovered by replacing the leading ``>`` with a space.
* **LaTeX.** Program text is everything strictly between a line beginning
  ``\\begin{code}`` and the next line beginning ``\\end{code}``.

``unlit`` walks the lines once:

1. classify each line: bird-track code, LaTeX code, ``\\begin{code}``/``\\end{code}``
   delimiter, blank (only white space) or commentary text;
2. write a line of program text for every input line: code lines keep their text
   (bird tracks become a space), every other line becomes empty. Line numbers and
   columns of the program text are those of the script, so diagnostics and the layout
   rule see the script's own positions (see Note [Unlit keeps positions]);
3. report the Report's error for a bird-track line adjacent to a non-blank comment
   line (it catches a forgotten ``>``), and unbalanced ``\\begin{code}``/``\\end{code}``.

Line terminators are kept as written (``\\n``, ``\\r\\n`` or ``\\r``).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.syntax.span import TAB_STOP, SrcLoc, SrcSpan

__all__ = ["UnlitResult", "is_literate_path", "unlit"]

# Note [Unlit keeps positions]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# GHC's unlit pass blanks commentary rather than deleting it, and so do we: every
# script line becomes exactly one program line. Replacing `>` by a space (rather than
# deleting it) keeps columns too, which matters for the layout rule: in
#
#     > f = x
#     >   where x = 1
#
# `where` must stay to the right of `f`. The price is a little white space; the gain is
# that no position needs translating back from program text to script.

_NEWLINE: Final = re.compile(r"(\r\n?|\n)")
_BEGIN: Final = "\\begin{code}"
_END: Final = "\\end{code}"


class _Line(enum.Enum):
    BIRD = "bird"
    CODE = "code"
    BEGIN = "begin"
    END = "end"
    BLANK = "blank"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class UnlitResult:
    """The recovered program text and the errors found on the way."""

    source: str
    diagnostics: tuple[Diagnostic, ...]


def is_literate_path(path: str) -> bool:
    """Whether a source file is a literate script, by its name (``.lhs``)."""
    return path.endswith(".lhs")


def unlit(text: str, file: str) -> UnlitResult:
    """The program text of the literate script ``text``; see the module docstring."""
    parts = _NEWLINE.split(text)
    lines, terminators = parts[0::2], [*parts[1::2], ""]
    kinds = _classify(lines)
    diagnostics = [*_delimiter_errors(file, lines, kinds), *_adjacency_errors(file, lines, kinds)]
    program = "".join(
        _program_line(line, kind) + term
        for line, kind, term in zip(lines, kinds, terminators, strict=True)
    )
    diagnostics.sort(key=lambda d: d.span)
    return UnlitResult(program, tuple(diagnostics))


def _classify(lines: list[str]) -> list[_Line]:
    kinds: list[_Line] = []
    in_code = False
    for line in lines:
        kind = _classify_line(line, in_code)
        in_code = kind in (_Line.BEGIN, _Line.CODE)
        kinds.append(kind)
    return kinds


def _classify_line(line: str, in_code: bool) -> _Line:
    if in_code:
        return _Line.END if line.startswith(_END) else _Line.CODE
    if line.startswith(_BEGIN):
        return _Line.BEGIN
    if line.startswith(_END):
        return _Line.END
    if line.startswith(">"):
        return _Line.BIRD
    return _Line.BLANK if line.isspace() or not line else _Line.TEXT


def _program_line(line: str, kind: _Line) -> str:
    if kind is _Line.BIRD:
        return " " + line[1:]
    return line if kind is _Line.CODE else ""


def _delimiter_errors(file: str, lines: list[str], kinds: list[_Line]) -> list[Diagnostic]:
    """``\\end{code}`` outside a code block, and a code block still open at the end."""
    found: list[Diagnostic] = []
    open_at: int | None = None
    for i, kind in enumerate(kinds):
        if kind is _Line.BEGIN:
            open_at = i
        elif kind is _Line.END and open_at is None:
            found.append(
                error("L103", _line_span(file, i, lines[i]), f"{_END} outside a code block")
            )
        elif kind is _Line.END:
            open_at = None
    if open_at is not None:
        span = _line_span(file, open_at, lines[open_at])
        found.append(error("L102", span, f"{_BEGIN} is never closed by {_END}"))
    return found


def _adjacency_errors(file: str, lines: list[str], kinds: list[_Line]) -> list[Diagnostic]:
    """Report §10.4: a program line may not be adjacent to a non-blank comment line."""
    found: list[Diagnostic] = []
    for i, kind in enumerate(kinds):
        if kind is not _Line.BIRD:
            continue
        before = i > 0 and kinds[i - 1] is _Line.TEXT
        after = i + 1 < len(kinds) and kinds[i + 1] is _Line.TEXT
        if before or after:
            found.append(_adjacency_error(file, i, lines[i], "above" if before else "below"))
    return found


def _adjacency_error(file: str, i: int, line: str, where: str) -> Diagnostic:
    return error(
        "L101",
        _line_span(file, i, line),
        f"program line next to a comment line (the line {where} it)",
        "Haskell 2010 Report §10.4: separate bird-track code from commentary with a "
        "blank line, or add the missing '>'",
    )


def _line_span(file: str, index: int, line: str) -> SrcSpan:
    """The span of the whole 0-based line ``index``."""
    width = len(line.expandtabs(TAB_STOP))
    return SrcSpan(file, SrcLoc(index + 1, 1), SrcLoc(index + 1, width + 1))
