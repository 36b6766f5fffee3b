"""The lexer: Haskell 2010 source text to tokens (Report chapter 2).

``tokenize(text, file)`` returns every token of ``text``, ending with one ``EOF``
token, and every lexical error it found; ``lex`` does the same but raises
``SourceError`` if there was an error. The lexer knows nothing about layout: the
virtual braces and semicolons of Report §10.3 are added by ``ifacedir.parse.layout``.

The algorithm, one loop over the text with no recursion anywhere (the patterns and
tables it matches against are in ifacedir.parse.lexemes, where the Notes on maximal
munch, Unicode classes and escapes are):

1. At the current offset, match one compiled *master pattern*: an alternation of every
   lexeme class, ordered so that the first alternative that matches is the Report's
   maximal munch (see Note [Maximal munch with one pattern]).
2. Dispatch on the name of the alternative that matched. White space and ``--``
   comments are skipped; identifiers, operators, numbers and specials become tokens
   directly; the few lexemes with inner structure get a small scanner of their own:
   nested ``{- -}`` comments are skipped by counting depth (Note [Nested comments
   without recursion]), ``{-# ... #-}`` is a pragma token when its name is in
   ``TOKEN_PRAGMAS`` and a comment otherwise, and string and character literals are
   cut out and then decoded escape by escape (Note [Escapes]).
3. Every token is stamped with its span. Columns count tab stops every 8 columns
   (Note [Columns and tab stops] in ifacedir.syntax.span), computed incrementally, so
   locating all tokens costs one pass over the text.
4. A lexical error becomes a ``Diagnostic`` with the exact span of the offending
   characters, and the loop continues after it (Note [Lexical error recovery]).

Tokens (kind, what ``value`` holds):

=============================================  ====================================
``varid conid varsym consym``                  the name (``str``, same as ``text``)
``qvarid qconid qvarsym qconsym``              ``QualName(module, name)``
``integer``                                    ``int``
``float``                                      ``decimal.Decimal`` (exact)
``char``                                       a ``str`` of length 1
``string``                                     ``str``
``special`` ``( ) , ; [ ] ` { }``              the character
``reservedid`` (``case`` … ``where``, ``_``)   the word
``reservedop`` (``.. : :: = \\ | <- -> @ ~ =>``) the operator
``pragma`` (``{-# SOURCE #-}``, ``LANGUAGE``)  the pragma name in upper case
``eof``                                        ``None``
=============================================  ====================================

The kinds ``vlbrace``, ``vrbrace`` and ``vsemi`` are never made here; they are the
layout algorithm's virtual tokens and are listed in ``TokenKind`` so every token kind
is in one place.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from ifacedir.diagnostics import Diagnostic, SourceError, error, has_errors
from ifacedir.parse.lexemes import (
    ASCII_ESCAPES,
    CHARESC,
    MAX_CHAR,
    NEWLINE,
    PRAGMAS_WITH_ARGUMENTS,
    RESERVED_IDS,
    RESERVED_OPS,
    TOKEN_PRAGMAS,
    patterns,
)
from ifacedir.syntax.span import SrcLoc, SrcSpan, next_tab_stop
from ifacedir.util.gcpause import gc_paused

__all__ = [
    "ASCII_ESCAPES",
    "RESERVED_IDS",
    "RESERVED_OPS",
    "TOKEN_PRAGMAS",
    "LexResult",
    "QualName",
    "Token",
    "TokenKind",
    "TokenValue",
    "lex",
    "tokenize",
]


class TokenKind(enum.StrEnum):
    VARID = "varid"
    CONID = "conid"
    QVARID = "qvarid"
    QCONID = "qconid"
    VARSYM = "varsym"
    CONSYM = "consym"
    QVARSYM = "qvarsym"
    QCONSYM = "qconsym"
    INTEGER = "integer"
    FLOAT = "float"
    CHAR = "char"
    STRING = "string"
    SPECIAL = "special"
    RESERVEDID = "reservedid"
    RESERVEDOP = "reservedop"
    PRAGMA = "pragma"
    EOF = "eof"
    # Virtual tokens, made only by ifacedir.parse.layout.
    VLBRACE = "vlbrace"
    VRBRACE = "vrbrace"
    VSEMI = "vsemi"


@dataclass(frozen=True, slots=True)
class QualName:
    """A qualified name: ``Data.Map.T`` is ``QualName("Data.Map", "T")``."""

    module: str
    name: str

    def __str__(self) -> str:
        return f"{self.module}.{self.name}"


TokenValue = str | int | Decimal | QualName | None


@dataclass(frozen=True, slots=True)
class Token:
    """One lexeme: its kind, its source text, its meaning and where it is."""

    kind: TokenKind
    text: str
    value: TokenValue
    span: SrcSpan


@dataclass(frozen=True, slots=True)
class LexResult:
    """All tokens (the last is ``EOF``) and all lexical errors of one source text."""

    tokens: tuple[Token, ...]
    diagnostics: tuple[Diagnostic, ...]


# Note [Float literals are exact]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# A Haskell float literal means `fromRational r` for the exact rational `r` it writes
# (§2.5, §3.2), so rounding to a Python float here would lose information (`0.1`) and
# could overflow (`1e400` is a fine Rational). We keep a `decimal.Decimal`, which is
# exact for every decimal literal, stores a huge exponent without expanding it, and
# converts exactly with `fractions.Fraction(value)`; the token text keeps the spelling.


def tokenize(text: str, file: str = "<input>") -> LexResult:
    """All tokens of ``text`` (ending with ``EOF``) and its lexical errors, in source order."""
    lexer = _Lexer(text.removeprefix("\ufeff"), file)
    with gc_paused():  # See Note [Pausing the garbage collector] in ifacedir.util.gcpause
        lexer.run()
    diagnostics = sorted(lexer.diagnostics, key=lambda d: d.span)
    return LexResult(tuple(lexer.tokens), tuple(diagnostics))


def lex(text: str, file: str = "<input>") -> list[Token]:
    """The tokens of ``text``; raises ``SourceError`` with every lexical error."""
    result = tokenize(text, file)
    if has_errors(result.diagnostics):
        raise SourceError(result.diagnostics)
    return list(result.tokens)


class _Locator:
    """Offsets to ``SrcLoc``s; fast when asked in increasing order, correct always.

    Most lines hold no tab, and there the column is the distance from the start of the
    line; only on lines with a tab is the column computed by walking from the last
    offset asked (or the start of the line) over the tabs in between.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in NEWLINE.finditer(text))]
        self._tab_lines = {bisect_right(self._starts, m.start()) for m in _TAB.finditer(text)}
        self._seek(0)

    def _seek(self, offset: int) -> None:
        line = bisect_right(self._starts, offset)  # the 1-based line number of offset
        self._line = line
        self._line_start = self._starts[line - 1]
        self._next_start = self._starts[line] if line < len(self._starts) else len(self._text) + 1
        self._has_tab = line in self._tab_lines
        self._offset, self._col = self._line_start, 1

    def loc(self, offset: int) -> SrcLoc:
        if not self._line_start <= offset < self._next_start:
            self._seek(offset)
        if not self._has_tab:
            return SrcLoc(self._line, offset - self._line_start + 1)
        if offset < self._offset:
            self._offset, self._col = self._line_start, 1
        self._col = _advance(self._text, self._offset, offset, self._col)
        self._offset = offset
        return SrcLoc(self._line, self._col)


_TAB: Final = re.compile("\t")


def _advance(text: str, start: int, end: int, col: int) -> int:
    """The column reached from ``col`` by the characters ``text[start:end]`` (one line)."""
    tab = text.find("\t", start, end)
    while tab >= 0:
        col = next_tab_stop(col + tab - start)
        start = tab + 1
        tab = text.find("\t", start, end)
    return col + end - start


# Note [The lexer's fast path]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Names, operators, specials and decimal numbers are nearly all the tokens of a
# program, so the main loop makes them itself, without a call per token: `_PLAIN`
# maps their alternatives to a first guess at the kind and `_classify_plain` refines
# it (reserved words, reserved operators, constructor operators). These tokens never
# hold a tab or a line break, so the end of the span is the start moved right by the
# length. Everything else goes to a handler method.
_PLAIN: Final = {
    "varid": TokenKind.VARID,
    "conid": TokenKind.CONID,
    "symbol": TokenKind.VARSYM,
    "special": TokenKind.SPECIAL,
    "decimal": TokenKind.INTEGER,
}


def _classify_plain(kind: TokenKind, word: str) -> TokenKind:
    if kind is TokenKind.VARID:
        return TokenKind.RESERVEDID if word in RESERVED_IDS else kind
    if kind is TokenKind.VARSYM:
        return _symbol_kind(word, TokenKind.VARSYM, TokenKind.CONSYM)
    return kind


def _shift(loc: SrcLoc, width: int) -> SrcLoc:
    return SrcLoc(loc.line, loc.col + width)


# Note [Lexical error recovery]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The lexer reports every error it can in one run, so one edit-compile cycle fixes
# many mistakes. Recovery is local and never swallows a whole file:
#   * an illegal character is reported and skipped;
#   * an unterminated string or character literal ends at the end of its line; a
#     string still makes a token, so the layout rule sees a sensible stream;
#   * a bad escape is reported and dropped from the literal's value;
#   * an unterminated block comment is the one error that runs to the end of the file,
#     and it is reported at the comment's opening `{-`, where the mistake usually is.
# Callers must not trust a token stream that came with errors; `lex` refuses it.
#
# Each error is located where GHC locates it, so that our diagnostics can be checked
# against GHC's (tests/parse_errors records GHC's locations): an unterminated string at
# the end of its line (a note says where it starts), a bad escape at the character after
# the backslash, a broken string gap at the first character that is not white space, an
# out-of-range numeric escape at the digit that takes it out of range, an unterminated
# comment at its `{-`, an illegal character at itself.


class _Lexer:
    """One run over one text; see the module docstring for the steps."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.tokens: list[Token] = []
        self.diagnostics: list[Diagnostic] = []
        self._locator = _Locator(text)
        self.patterns = patterns()
        self._handlers: dict[str, Callable[[int, int], int]] = {
            "qvarid": self._qvarid,
            "qconid": self._qconid,
            "qsym": self._qsym,
            "hex": self._integer(lambda s: int(s[2:], 16)),
            "oct": self._integer(lambda s: int(s[2:], 8)),
            "float": self._float,
            "string": self._string,
            "char": self._char,
            "blockcomment": self._block_comment,
            "illegal": self._illegal,
        }

    def run(self) -> None:
        """The main loop; see Note [The lexer's fast path]."""
        text, pos, end, file = self.text, 0, len(self.text), self.file
        match, handlers, loc = self.patterns.master.match, self._handlers, self._locator.loc
        append = self.tokens.append
        while pos < end:
            m = match(text, pos)
            assert m is not None and m.lastgroup is not None  # `illegal` matches anything
            group, stop = m.lastgroup, m.end()
            if group == "white" or group == "linecomment":
                pos = stop
                continue
            plain = _PLAIN.get(group)
            if plain is None:
                pos = handlers[group](pos, stop)
                continue
            word = text[pos:stop]
            kind = _classify_plain(plain, word)
            value = _decimal_int(word) if kind is TokenKind.INTEGER else word
            start = loc(pos)
            append(Token(kind, word, value, SrcSpan(file, start, _shift(start, stop - pos))))
            pos = stop
        eof = loc(end)
        self.tokens.append(Token(TokenKind.EOF, "", None, SrcSpan(file, eof, eof)))

    # -- making tokens and errors ----------------------------------------------------

    def _emit(self, kind: TokenKind, start: int, end: int, value: TokenValue) -> None:
        """A token that lies on one line and holds no tab (names, operators, numbers)."""
        loc = self._locator.loc(start)
        span = SrcSpan(self.file, loc, _shift(loc, end - start))
        self.tokens.append(Token(kind, self.text[start:end], value, span))

    def _emit_spanning(self, kind: TokenKind, start: int, end: int, value: TokenValue) -> None:
        """A token that may hold tabs or line breaks (literals, pragmas)."""
        self.tokens.append(Token(kind, self.text[start:end], value, self._span(start, end)))

    def _span(self, start: int, end: int) -> SrcSpan:
        return SrcSpan(self.file, self._locator.loc(start), self._locator.loc(end))

    def _error(self, code: str, start: int, end: int, message: str, *notes: str) -> None:
        self.diagnostics.append(error(code, self._span(start, end), message, *notes))

    # -- names, operators, numbers ---------------------------------------------------

    def _qvarid(self, start: int, end: int) -> int:
        module, _, name = self.text[start:end].rpartition(".")
        if name in RESERVED_IDS:
            return self._qualifier_only(start, module)
        self._emit(TokenKind.QVARID, start, end, QualName(module, name))
        return end

    def _qualifier_only(self, start: int, module: str) -> int:
        """See Note [Qualified reserved words]."""
        qualifier, dot, last = module.rpartition(".")
        end = start + len(module)
        if dot:
            self._emit(TokenKind.QCONID, start, end, QualName(qualifier, last))
        else:
            self._emit(TokenKind.CONID, start, end, module)
        return end

    def _qconid(self, start: int, end: int) -> int:
        module, _, name = self.text[start:end].rpartition(".")
        self._emit(TokenKind.QCONID, start, end, QualName(module, name))
        return end

    def _qsym(self, start: int, end: int) -> int:
        qual = self.patterns.qualifier.match(self.text, start, end)
        assert qual is not None
        module, name = self.text[start : qual.end() - 1], self.text[qual.end() : end]
        if name in RESERVED_OPS or _is_dashes(name):
            self._error("L009", start, end, f"'{name}' is reserved and cannot be qualified")
        kind = _symbol_kind(name, TokenKind.QVARSYM, TokenKind.QCONSYM, reserved=False)
        self._emit(kind, start, end, QualName(module, name))
        return end

    def _integer(self, convert: Callable[[str], int]) -> Callable[[int, int], int]:
        def handle(start: int, end: int) -> int:
            self._emit(TokenKind.INTEGER, start, end, convert(self.text[start:end]))
            return end

        return handle

    def _float(self, start: int, end: int) -> int:
        """See Note [Float literals are exact]."""
        self._emit(TokenKind.FLOAT, start, end, Decimal(self.text[start:end]))
        return end

    def _illegal(self, start: int, end: int) -> int:
        ch = self.text[start]
        self._error("L006", start, end, f"illegal character {ch!r} (U+{ord(ch):04X})")
        return end

    # -- comments and pragmas ----------------------------------------------------------

    def _block_comment(self, start: int, end: int) -> int:
        if self.text.startswith("{-#", start):
            return self._pragma(start)
        return self._skip_nested_comment(start)

    def _skip_nested_comment(self, start: int) -> int:
        """See Note [Nested comments without recursion]."""
        text, pos, depth = self.text, start + 2, 1
        while depth:
            m = _COMMENT_DELIMITER.search(text, pos)
            if m is None:
                self._error(
                    "L002",
                    start,
                    start + 2,
                    "unterminated block comment",
                    f"{depth} nested comment(s) still open at the end of the file",
                )
                return len(text)
            depth += 1 if text[m.start()] == "{" else -1
            pos = m.end()
        return pos

    def _pragma(self, start: int) -> int:
        """``{-# NAME #-}`` for a name in ``TOKEN_PRAGMAS``; any other pragma is a comment."""
        m = _PRAGMA_OPEN.match(self.text, start)
        name = m.group(1).upper() if m else ""
        if m is None or name not in TOKEN_PRAGMAS:
            return self._skip_nested_comment(start)
        close = (
            _PRAGMA_ARGUMENTS_CLOSE.search(self.text, m.end())
            if name in PRAGMAS_WITH_ARGUMENTS
            else _PRAGMA_CLOSE.match(self.text, m.end())
        )
        if close is None:
            self._error("L010", start, m.end(), f"malformed {name} pragma", "expected '#-}'")
            return self._skip_nested_comment(start)
        self._emit_spanning(TokenKind.PRAGMA, start, close.end(), name)
        return close.end()

    # -- literals ----------------------------------------------------------------------

    def _string(self, start: int, end: int) -> int:
        body = self.patterns.string_body.match(self.text, end)
        assert body is not None  # the body pattern accepts the empty string
        close = body.end()
        if not self.text.startswith('"', close):
            return self._unterminated_string(start, close)
        value = self._decode(end, close, False)
        self._emit_spanning(TokenKind.STRING, start, close + 1, value)
        return close + 1

    def _unterminated_string(self, start: int, stop: int) -> int:
        """Report at the end of the line, as GHC does; the token runs to there too."""
        eol = _REST_OF_LINE.match(self.text, stop)
        assert eol is not None
        opened = self._locator.loc(start)
        self._error(
            "L001", eol.end(), eol.end(), "unterminated string literal", f"it starts at {opened}"
        )
        errors = len(self.diagnostics)
        value = self._decode(start + 1, stop, False)
        del self.diagnostics[errors:]  # the literal's extent is a guess: no more errors from it
        self._emit_spanning(TokenKind.STRING, start, eol.end(), value)
        return eol.end()

    def _char(self, start: int, end: int) -> int:
        body = self.patterns.char_body.match(self.text, end)
        assert body is not None
        close = body.end()
        if not self.text.startswith("'", close):
            self._error("L003", start, close, "unterminated character literal")
            return close
        errors = len(self.diagnostics)
        value = self._decode(end, close, True)
        if len(self.diagnostics) == errors and len(value) != 1:
            what = "empty" if not value else f"holds {len(value)} characters"
            self._error("L007", start, close + 1, f"character literal {what}")
        self._emit_spanning(TokenKind.CHAR, start, close + 1, value)
        return close + 1

    def _decode(self, start: int, end: int, in_char: bool) -> str:
        """The value of the literal body ``text[start:end]``; see Note [Escapes]."""
        out: list[str] = []
        for m in self.patterns.piece.finditer(self.text, start, end):
            kind = m.lastgroup
            assert kind is not None
            if kind == "literal":
                out.append(m.group())
            else:
                out.append(self._escape(kind, m, in_char))
        return "".join(out)

    def _escape(self, kind: str, m: re.Match[str], in_char: bool) -> str:
        start, end, arg = m.start(), m.end(), m.group(kind)
        if kind == "charesc":
            if arg == "&" and in_char:
                self._error("L004", start, end, "'\\&' is not allowed in a character literal")
            return CHARESC[arg]
        if kind == "caret":
            return chr(ord(arg) - 64)
        if kind == "ascii":
            return chr(ASCII_ESCAPES[arg])
        if kind in ("decimal", "octal", "hex"):
            return self._numeric_escape(m.start(kind), end, arg, _RADIX[kind])
        if kind == "gap":
            if in_char:
                self._error(
                    "L004", start, end, "a string gap is not allowed in a character literal"
                )
            return ""
        return self._bad_piece(kind, start, end)

    def _numeric_escape(self, start: int, end: int, digits: str, radix: int) -> str:
        """The character ``digits`` stand for; L005 at the digit that goes out of range."""
        code = 0
        for i, digit in enumerate(digits):
            code = code * radix + int(digit, 16)
            if code > MAX_CHAR:
                self._error(
                    "L005",
                    start + i,
                    end,
                    "numeric escape sequence out of range",
                    "the largest character is \\1114111 (\\x10FFFF)",
                )
                return ""
        return chr(code)

    def _bad_piece(self, kind: str, start: int, end: int) -> str:
        """An error for a raw control character, a broken gap or an unknown escape."""
        if kind == "badchar":
            message = f"character {self.text[start]!r} must be written as an escape sequence"
            self._error("L008", start, end, message)
        elif kind == "badgap":
            self._error_at_char("L004", end, "string gap not closed by a backslash")
        else:
            message = f"invalid escape sequence '{self.text[start:end]}'"
            self._error_at_char("L004", start + 1, message)
        return ""

    def _error_at_char(self, code: str, offset: int, message: str) -> None:
        """An error about the character at ``offset`` (zero width at a line's end)."""
        at_end = offset >= len(self.text) or self.text[offset] in "\r\n"
        self._error(code, offset, offset if at_end else offset + 1, message)


# Note [Nested comments without recursion]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# `{- ... -}` comments nest (§2.3). We do not recurse into inner comments; we search
# for the next `{-` or `-}`, whichever comes first, and count the depth, so a comment
# nested 5,000 deep costs one linear scan and no stack. The search starts after the
# opening `{-`, so `{-}` does not close itself, and a `-}` that overlaps a `{-`
# (`{-}`) counts as the `{-` found first, as in GHC. Inside a comment nothing else is
# special: `--`, quotes and pragmas are just text.
_COMMENT_DELIMITER: Final = re.compile(r"\{-|-\}")
_PRAGMA_OPEN: Final = re.compile(r"\{-#\s*([A-Za-z][A-Za-z0-9_]*)")
_PRAGMA_CLOSE: Final = re.compile(r"\s*#-\}")
_PRAGMA_ARGUMENTS_CLOSE: Final = re.compile(r"#-\}")
_RADIX: Final = {"decimal": 10, "octal": 8, "hex": 16}
_REST_OF_LINE: Final = re.compile(r"[^\r\n]*+")


# Note [Qualified reserved words]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# `qvarid` is `[modid .] varid`, and a varid is never a reserved word (§2.4, §5.5.1),
# so `M.where` is not one lexeme. By maximal munch the longest lexeme at `M` is the
# conid `M` (or the qconid `A.B` for `A.B.where`); lexing then resumes at the dot. For
# operators there is no useful reading: `M...` would be `M..` and `.` by the letter of
# the Report, and GHC reads it as `..` qualified; no module can export `..`, `->`,
# `::` or `--`, so we report L009 instead and keep the qualified token for recovery.
def _symbol_kind(name: str, var: TokenKind, con: TokenKind, reserved: bool = True) -> TokenKind:
    if reserved and name in RESERVED_OPS:
        return TokenKind.RESERVEDOP
    return con if name.startswith(":") else var


def _is_dashes(name: str) -> bool:
    return len(name) >= 2 and name.strip("-") == ""


_INT_CHUNK: Final = 500  # digits per int() call


def _decimal_int(digits: str) -> int:
    """``int(digits)`` for any length (``int`` refuses long decimal strings by default)."""
    if len(digits) <= _INT_CHUNK:
        return int(digits)
    value = 0
    for i in range(0, len(digits), _INT_CHUNK):
        chunk = digits[i : i + _INT_CHUNK]
        value = value * 10 ** len(chunk) + int(chunk)
    return value
