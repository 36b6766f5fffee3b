"""Source locations and spans.

A ``SrcLoc`` is a 1-based (line, column) pair. Columns are *visual*: a tab advances to
the next tab stop, and tab stops are 8 columns apart (Report §10.3, "tab stops are 8
characters apart"), so the column of a character is what the layout rule sees and what
an editor with 8-wide tabs shows. Every other character, including non-ASCII ones,
counts as one column. See Note [Columns and tab stops].

A ``SrcSpan`` is a half-open region ``[start, end)`` of one file: ``end`` is the
location just after the last character, so a zero-width span (``start == end``) marks a
point, such as the place where a virtual layout token was inserted. Spans are merged
with ``SrcSpan.merge`` (the smallest span covering both).

``Located`` pairs any value with the span it came from.

All three are frozen and ordered (line before column, file before position), so they
can be sorted and used as dictionary keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Generic, TypeVar

__all__ = ["TAB_STOP", "Located", "SrcLoc", "SrcSpan", "next_tab_stop"]

# Note [Columns and tab stops]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The layout rule compares the columns of tokens, so the column of a token must not
# depend on the reader's editor. The Report fixes tab stops every 8 columns (§10.3) and
# counts columns from 1; a tab at column c moves to the next column of the form 8k + 1.
# Both the lexer (which stamps tokens) and the diagnostic renderer (which expands tabs
# before drawing carets) use `next_tab_stop`, so a caret always sits under the column
# that the error message names.

TAB_STOP: Final = 8

_T = TypeVar("_T")


def next_tab_stop(col: int) -> int:
    """The column reached by a tab found at 1-based column ``col``."""
    return ((col - 1) // TAB_STOP + 1) * TAB_STOP + 1


@dataclass(frozen=True, order=True, slots=True)
class SrcLoc:
    """A 1-based line and visual column (see Note [Columns and tab stops])."""

    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.line}:{self.col}"


@dataclass(frozen=True, order=True, slots=True)
class SrcSpan:
    """The half-open region ``[start, end)`` of ``file``."""

    file: str
    start: SrcLoc
    end: SrcLoc

    @staticmethod
    def point(file: str, loc: SrcLoc) -> SrcSpan:
        """The zero-width span at ``loc``."""
        return SrcSpan(file, loc, loc)

    @property
    def is_empty(self) -> bool:
        return self.start == self.end

    def merge(self, other: SrcSpan) -> SrcSpan:
        """The smallest span covering both ``self`` and ``other`` (same file only)."""
        if other.file != self.file:
            raise ValueError(f"cannot merge spans of {self.file!r} and {other.file!r}")
        return SrcSpan(self.file, min(self.start, other.start), max(self.end, other.end))

    def __str__(self) -> str:
        """GHC's format: ``F:3:5``, ``F:3:5-8`` or ``F:(3,5)-(4,2)``, inclusive ends."""
        start, end = self.start, self.end
        if start.line != end.line:
            return f"{self.file}:({start.line},{start.col})-({end.line},{end.col - 1})"
        if end.col - start.col <= 1:
            return f"{self.file}:{start.line}:{start.col}"
        return f"{self.file}:{start.line}:{start.col}-{end.col - 1}"


@dataclass(frozen=True, slots=True)
class Located(Generic[_T]):
    """A value together with the span of source it came from."""

    span: SrcSpan
    value: _T
