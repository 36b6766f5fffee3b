"""The module header alone, for the build driver's downsweep (DESIGN, "The driver").

``parse_header(text, file)`` returns a ``ModuleHeader``: the module's name and where
it is written, its export list, its imports (with ``{-# SOURCE #-}``, which makes a
separate node of the module graph) and its LANGUAGE extensions. It raises
``SourceError`` if the header itself is malformed.

The steps are those of ``parse_module`` (unlit, lex, take out the language pragmas,
then the layout stream and the parser), except that the parser stops at the first
item of the module body that is not an ``import``, and only a prefix of the file is
lexed (see Note [Reading a growing prefix]): the downsweep's cost does not grow with
the length of the module. Lexical errors are reported only if they lie before the
point where parsing stopped; the rest of the file is the business of the
compilation that follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ifacedir.diagnostics import Diagnostic, SourceError, has_errors
from ifacedir.parse.cursor import VIRTUAL_KINDS, ParseFailure
from ifacedir.parse.lexer import TokenKind, tokenize
from ifacedir.parse.module import ModuleHead, ModuleParser
from ifacedir.parse.parser import language_pragmas, program_text
from ifacedir.syntax.ast import ExportItem, ImportDecl
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcSpan
from ifacedir.util.deep import run_deep

__all__ = ["ModuleHeader", "parse_header"]

_FIRST_PREFIX_LINES: Final = 256
_GROWTH: Final = 4
_NEWLINE: Final = re.compile(r"\r\n?|\n")  # the lexer's line breaks (no form feed)

# Note [Reading a growing prefix]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The header is usually in the first few dozen lines of a file, so we do not lex the
# whole file: we lex and parse its first 256 lines, then 1024, 4096, ... until the
# parser stops at a real token on a line *before* the last line of the prefix (or the
# prefix is the whole file). That answer is the one the whole file would give: the
# lexer works left to right, so every token that ends before the cut is the same, and
# a comment or literal opened before the stopping token closes before it (otherwise
# the stopping token would be inside it); the layout rule decides each virtual token
# from the tokens before it and the column of the next one. If the parser stops at
# the end of the prefix instead (a long export list, an unterminated comment), the
# prefix grows.


@dataclass(frozen=True, slots=True)
class ModuleHeader:
    """What the downsweep needs of a module, read without parsing its declarations.

    Without a ``module`` line, ``name`` is ``Main``, ``name_span`` is None and
    ``has_header`` is False (Report §5.1); ``exports`` is None without an export list.
    """

    name: str
    name_span: SrcSpan | None
    has_header: bool
    exports: tuple[ExportItem[RdrName], ...] | None
    imports: tuple[ImportDecl[RdrName], ...]
    extensions: tuple[str, ...]


def parse_header(text: str, file: str) -> ModuleHeader:
    """The header and imports of the module in ``text``; raises ``SourceError``."""
    return run_deep(_parse_header, text, file)


def _parse_header(text: str, file: str) -> ModuleHeader:
    """See Note [Reading a growing prefix]."""
    source, diagnostics = program_text(text, file)
    lines = _FIRST_PREFIX_LINES
    while True:
        prefix = _first_lines(source, lines)
        found = _header_of(prefix if prefix is not None else source, file, lines, prefix is None)
        if found is not None:
            break
        lines *= _GROWTH
    head, more, extensions = found
    diagnostics.extend(more)
    _raise_on_errors(diagnostics)
    assert head is not None  # a failed header reports an error
    return ModuleHeader(
        head.name,
        head.name_span,
        head.has_header,
        head.exports,
        tuple(head.imports),
        extensions,
    )


def _header_of(
    source: str, file: str, lines: int, whole: bool
) -> tuple[ModuleHead | None, list[Diagnostic], tuple[str, ...]] | None:
    """The header of ``source`` (the first ``lines`` lines of the program, or all of it
    if ``whole``), or None if the parser stopped too near the end of the prefix."""
    lexed = tokenize(source, file)
    tokens, extensions, diagnostics = language_pragmas(lexed.tokens)
    parser = ModuleParser(tokens, file)
    head: ModuleHead | None
    try:
        head = parser.header()
    except ParseFailure as failure:
        parser.diagnostics.append(failure.diagnostic)
        head = None
    stop = parser.peek()
    if not whole and (stop.kind in VIRTUAL_KINDS or stop.kind is TokenKind.EOF):
        return None
    if not whole and stop.span.start.line >= lines:
        return None
    diagnostics.extend(d for d in lexed.diagnostics if d.span.start <= stop.span.start)
    diagnostics.extend(parser.diagnostics)
    diagnostics.extend(parser.stream.diagnostics)
    return head, diagnostics, extensions


def _first_lines(source: str, lines: int) -> str | None:
    """The first ``lines`` lines of ``source`` with their line breaks, or None if
    ``source`` has no more lines than that."""
    pos = 0
    for _ in range(lines):
        m = _NEWLINE.search(source, pos)
        if m is None:
            return None
        pos = m.end()
    return source[:pos] if pos < len(source) else None


def _raise_on_errors(diagnostics: list[Diagnostic]) -> None:
    if has_errors(diagnostics):
        raise SourceError(sorted(diagnostics, key=lambda d: d.span))
