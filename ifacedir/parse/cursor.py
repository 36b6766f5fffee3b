"""The parser's token cursor: reading the layout stream, spans, errors and blocks.

Every grammar module of the parser (``types``, ``patterns``, ``expressions``,
``declarations``, ``module``) is a layer of one class hierarchy whose base is
``Cursor``; see Note [One parser class in layers]. ``Cursor`` offers:

1. **Reading.** ``peek`` and ``next`` over a ``LayoutStream`` (never the token list
   directly), small predicates (``at_special``, ``at_reserved``, ``at_op``) and
   ``expect_*`` functions that consume a token or fail.
2. **Spans.** ``span_from(start)`` is the smallest span from ``start`` to the end of
   the last *real* token consumed, so virtual layout tokens never widen a node.
3. **Errors.** A *hard* error raises ``ParseFailure``: the construct cannot be
   finished, and the module parser recovers at the next top-level declaration. A
   *soft* error (``report``) is recorded and parsing goes on, for mistakes that leave
   the tree well formed (an empty ``do``, a precedence of 10). ``fail`` phrases a parse
   error as GHC does; see Note [Where a parse error is reported].
4. **Speculation.** ``mark``/``reset`` save and restore the stream and the diagnostics,
   for the few places where the grammar needs unbounded lookahead (a ``do`` statement
   that may be a binding ``pat <- exp``, a type signature ``x, y :: t``).
5. **Blocks.** ``block(item)`` parses ``{ item ; ... ; item }`` with explicit or
   virtual braces, following Note [The parser drives the layout stream] in
   ifacedir.parse.layout: it asks the stream to close an implicit block when the next
   token cannot continue it (Report §10.3, Note 5).
6. **Depth.** ``nest``/``unnest`` count how deeply constructs nest, and fail cleanly
   past ``MAX_NESTING`` (see ifacedir.util.deep).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, NoReturn, TypeVar

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.parse.layout import LayoutMark, LayoutStream
from ifacedir.parse.lexer import QualName, Token, TokenKind
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.util.deep import MAX_NESTING

__all__ = [
    "LITERAL_KINDS",
    "VIRTUAL_KINDS",
    "Cursor",
    "Mark",
    "ParseFailure",
    "is_op",
    "is_reserved",
    "is_special",
    "is_varsym",
    "rdr",
]

K = TokenKind
_T = TypeVar("_T")

VIRTUAL_KINDS: Final = frozenset({K.VLBRACE, K.VRBRACE, K.VSEMI})
LITERAL_KINDS: Final = frozenset({K.INTEGER, K.FLOAT, K.CHAR, K.STRING})

# Tokens that can never start an item of a block, so that a block ends before them:
# the closing brackets and separators of enclosing constructs, and the keywords and
# reserved operators that continue one (`in`, `then`, `of`, `=`, `->`, ...).
_BLOCK_STOP_SPECIALS: Final = frozenset({")", "]", ",", "}"})
_BLOCK_STOP_WORDS: Final = frozenset({"in", "then", "else", "of", "where", "deriving"})
_BLOCK_STOP_OPS: Final = frozenset({"=", "|", "->", "::", "=>", "<-", ".."})

# Note [One parser class in layers]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The grammar is mutually recursive across its chapters: expressions contain
# declarations (`let`, `where`), declarations contain expressions, both contain
# patterns and types. We keep one module per chapter and make each a layer of a single
# class: Cursor <- TypeParser <- PatParser <- ExprParser <- DeclParser <- ModuleParser.
# A layer calls down freely; the one upward call (an expression's `let` needs the
# declaration parser) is declared in ExprParser as an abstract method that DeclParser
# implements. One object then carries the cursor state, and mypy checks every call.

# Note [Where a parse error is reported]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# We report a parse error where GHC does, so that our diagnostics can be checked against
# the corpus GHC recorded (tests/parse_errors):
#   * at a real token t: "parse error on input ‘t’" (P001);
#   * at a virtual token made by the layout rule, or at the end of the file: "parse
#     error (possibly incorrect indentation or mismatched brackets)" (P004), located
#     at the next real token, which is where GHC's lexer places its virtual tokens (our
#     virtual close brace sits at the end of the token before it; see
#     ifacedir.parse.layout).


class ParseFailure(Exception):
    """A hard parse error: the current construct cannot be finished."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass(frozen=True, slots=True)
class Mark:
    """A saved parser position (see ``Cursor.mark``)."""

    stream: LayoutMark
    diagnostics: int
    end: SrcLoc


def rdr(token: Token) -> RdrName:
    """The name a (possibly qualified) identifier or operator token stands for."""
    value = token.value
    if isinstance(value, QualName):
        return RdrName(value.name, value.module, token.span)
    return RdrName(token.text, "", token.span)


def is_special(token: Token, text: str) -> bool:
    return token.kind is K.SPECIAL and token.text == text


def is_reserved(token: Token, word: str) -> bool:
    return token.kind is K.RESERVEDID and token.text == word


def is_op(token: Token, op: str) -> bool:
    """Whether ``token`` is the reserved operator ``op`` (``=``, ``->``, ``:``, ...)."""
    return token.kind is K.RESERVEDOP and token.text == op


def is_varsym(token: Token, text: str) -> bool:
    return token.kind is K.VARSYM and token.text == text


class Cursor:
    """Reading, spans, errors, speculation and blocks; see the module docstring."""

    def __init__(self, tokens: Sequence[Token], file: str) -> None:
        self.stream = LayoutStream(tokens)
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self._end = SrcLoc(1, 1)
        self._depth = 0

    # -- reading ---------------------------------------------------------------------

    def peek(self) -> Token:
        return self.stream.peek()

    def next(self) -> Token:
        token = self.stream.next()
        if token.kind not in VIRTUAL_KINDS and token.kind is not K.EOF:
            self._end = token.span.end
        return token

    def peek_after(self, ahead: int) -> Token:
        """The token ``ahead`` tokens after the next one, consuming nothing."""
        mark = self.stream.mark()
        for _ in range(ahead):
            self.stream.next()
        token = self.stream.peek()
        self.stream.reset(mark)
        return token

    def at_special(self, text: str) -> bool:
        return is_special(self.stream.peek(), text)

    def at_reserved(self, word: str) -> bool:
        return is_reserved(self.stream.peek(), word)

    def at_op(self, op: str) -> bool:
        return is_op(self.stream.peek(), op)

    def comma_separated(self, item: Callable[[], _T]) -> list[_T]:
        """``item {, item}``: one or more items separated by commas."""
        items = [item()]
        while self.at_special(","):
            self.next()
            items.append(item())
        return items

    def at_separator(self) -> bool:
        token = self.stream.peek()
        return token.kind is K.VSEMI or is_special(token, ";")

    def expect_special(self, text: str) -> Token:
        if not self.at_special(text):
            self.fail()
        return self.next()

    def expect_reserved(self, word: str) -> Token:
        if not self.at_reserved(word):
            self.fail()
        return self.next()

    def expect_op(self, op: str) -> Token:
        if not self.at_op(op):
            self.fail()
        return self.next()

    def expect_kind(self, *kinds: TokenKind) -> Token:
        if self.peek().kind not in kinds:
            self.fail()
        return self.next()

    # -- spans -----------------------------------------------------------------------

    def span_from(self, start: SrcSpan) -> SrcSpan:
        """From the start of ``start`` to the end of the last real token consumed."""
        return SrcSpan(self.file, start.start, max(start.start, self._end))

    # -- errors ----------------------------------------------------------------------

    def fail(self, token: Token | None = None) -> NoReturn:
        """A parse error at ``token`` (default: the next one).

        See Note [Where a parse error is reported].
        """
        token = token or self.peek()
        if token.kind in VIRTUAL_KINDS or token.kind is K.EOF:
            at = self._next_real_location()
            message = "parse error (possibly incorrect indentation or mismatched brackets)"
            raise ParseFailure(error("P004", SrcSpan.point(self.file, at), message))
        message = f"parse error on input ‘{token.text}’"
        raise ParseFailure(error("P001", token.span, message))

    def fail_at(self, code: str, span: SrcSpan, message: str) -> NoReturn:
        raise ParseFailure(error(code, span, message))

    def unsupported(self, span: SrcSpan, feature: str) -> NoReturn:
        self.fail_at("P002", span, f"unsupported: {feature}")

    def report(self, code: str, span: SrcSpan, message: str) -> None:
        """A soft error: recorded, and parsing continues."""
        self.diagnostics.append(error(code, span, message))

    def _next_real_location(self) -> SrcLoc:
        mark = self.stream.mark()
        token = self.stream.next()
        while token.kind in VIRTUAL_KINDS:
            token = self.stream.next()
        self.stream.reset(mark)
        return token.span.start

    # -- speculation -----------------------------------------------------------------

    def mark(self) -> Mark:
        return Mark(self.stream.mark(), len(self.diagnostics), self._end)

    def reset(self, mark: Mark) -> None:
        self.stream.reset(mark.stream)
        del self.diagnostics[mark.diagnostics :]
        self._end = mark.end

    def attempt(self, parse: Callable[[], _T]) -> _T | None:
        """``parse()``, or None with nothing consumed if it fails or returns None."""
        mark = self.mark()
        try:
            result = parse()
        except ParseFailure:
            result = None
        if result is None:
            self.reset(mark)
        return result

    # -- depth -----------------------------------------------------------------------

    def nest(self) -> None:
        """Enter one level of nesting; fails past ``MAX_NESTING``."""
        if self._depth >= MAX_NESTING:
            token = self.peek()
            self.fail_at("P003", token.span, f"nested too deeply (over {MAX_NESTING} levels)")
        self._depth += 1

    def unnest(self) -> None:
        """Leave a level entered by ``nest`` (callers pair them with try/finally)."""
        self._depth -= 1

    # -- blocks (Report §10.3) -------------------------------------------------------

    def open_block(self) -> Token:
        token = self.peek()
        if token.kind is not K.VLBRACE and not is_special(token, "{"):
            self.fail()
        return self.next()

    def block(self, item: Callable[[], _T]) -> list[_T]:
        """``{ item ; ... ; item }``, explicit or laid out; empty items are allowed."""
        explicit = self.open_block().kind is K.SPECIAL
        items: list[_T] = []
        while True:
            while self.at_separator():
                self.next()
            if not self._can_start_item():
                break
            items.append(item())
            if not self.at_separator():
                break
        self.close_block(explicit)
        return items

    def close_block(self, explicit: bool) -> None:
        """The closing brace: ``}``, a virtual one, or Note 5's parse-error(t)."""
        if explicit:
            self.expect_special("}")
        elif self.peek().kind is K.VRBRACE or self.stream.close_implicit_block():
            self.next()
        else:
            self.fail()

    def _can_start_item(self) -> bool:
        token = self.peek()
        kind = token.kind
        if kind in (K.VRBRACE, K.EOF):
            return False
        if kind is K.SPECIAL:
            return token.text not in _BLOCK_STOP_SPECIALS
        if kind is K.RESERVEDID:
            return token.text not in _BLOCK_STOP_WORDS
        if kind is K.RESERVEDOP:
            return token.text not in _BLOCK_STOP_OPS
        return True
