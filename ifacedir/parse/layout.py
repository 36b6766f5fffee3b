"""The layout rule (Report §10.3), as a token stream that the parser drives.

Haskell lets indentation stand for braces and semicolons. The Report defines the
meaning of an indented program by translating it into one with explicit braces, in
two steps, and this module follows them:

1. **Annotate** the lexer's tokens (``annotate``; Report §10.3, the three bullets):

   * after ``let``, ``where``, ``do`` or ``of`` not followed by ``{``, the next token
     gets ``{n}``, where ``n`` is its column (0 at the end of the file);
   * the first token of the module gets ``{n}`` unless it is ``module`` or ``{``;
   * a token that is the first on its line (and has no ``{n}``) gets ``<n>``, its column.

2. **Algorithm L** turns annotated tokens into tokens with braces, using a stack of
   layout contexts (an implicit block's indentation, or 0 for an explicit ``{``):

   * ``<n>`` with ``n`` equal to the innermost context gives a semicolon; with ``n``
     smaller, it closes the innermost block and is looked at again; otherwise nothing;
   * ``{n}`` opens an implicit block if ``n`` is greater than the innermost context
     (Note 1), and otherwise gives an empty block ``{}`` followed by ``<n>`` (Note 2);
   * an explicit ``{`` pushes 0 (Note 4); an explicit ``}`` pops a 0 (Note 3);
   * at the end of the file every implicit block is closed (Note 6);
   * and the rule that needs the parser, Note 5: ``L (t:ts) (m:ms) = } : L (t:ts) ms``
     if ``m /= 0`` and ``parse-error(t)``, that is, an implicit block also ends just
     before a token that cannot continue it.

``LayoutStream`` runs L lazily, one output token at a time, so that the parser can
answer ``parse-error(t)`` itself: see Note [The parser drives the layout stream] for
the exact contract. Virtual tokens have their own kinds (``vlbrace``, ``vsemi``,
``vrbrace``) so that the parser can tell them from the explicit ``{``, ``;`` and ``}``,
and they have zero-width spans: an opening brace or a semicolon sits at the start of
the token after it, a closing brace at the end of the token before it, so that the span
of a block never reaches past its last real token.

``resolve_by_indentation`` drains a stream without a parser (``parse-error(t)`` never
holds); it is right when every implicit block is closed by indentation, as in the
module header the driver reads, and is what the tests use to show L at work.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.parse.lexer import Token, TokenKind
from ifacedir.syntax.span import SrcSpan

__all__ = [
    "LAYOUT_KEYWORDS",
    "Annotated",
    "LayoutMark",
    "LayoutStream",
    "annotate",
    "resolve_by_indentation",
]

LAYOUT_KEYWORDS: Final = frozenset({"let", "where", "do", "of"})

# Note [The parser drives the layout stream]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Note 5 of §10.3 closes an implicit block before a token t when t would be a parse
# error and a closing brace would not. No pass before the parser can know that, and it
# is common: `let x = 1 in x` on one line, `(case x of y -> y)`, `[e | let y = x, p y]`,
# `f x = let y = x in y`. So the parser answers the question, as happy's `error` token
# does for GHC. The contract:
#
# 1. The parser reads only through `peek()` (no effect, repeatable) and `next()`
#    (consumes). Blocks arrive as VLBRACE ... VRBRACE with VSEMI between items when
#    laid out, and as the SPECIAL tokens `{` `;` `}` when explicit; the parser accepts
#    a VSEMI wherever it accepts an explicit `;` in a block, and closes a block with
#    the same kind of brace that opened it.
# 2. parse-error(t): when the parser is in an implicit block (it consumed the VLBRACE),
#    is at a point where the block may end (just after an item, or before the first
#    one), and `peek()` is a real token t that is neither `;` nor able to start or
#    continue an item, it calls `close_implicit_block()`:
#      * True: the innermost implicit block has been closed; `peek()` is now a VRBRACE
#        and t follows it. The parser consumes the VRBRACE and finishes the construct
#        that owns the block (`in` then ends the `let`, `)` the parenthesis, ...).
#      * False: the innermost context is explicit, or there is none, or `peek()` is
#        not a real token; the parse error is genuine and is reported at t.
#    When t ends several blocks at once, as `)` does in `(case a of b -> case b of c
#    -> c)`, each block's parser calls it once, innermost first, as it returns.
# 3. An explicit `}` is such a t too: `do { case x of y -> y }` closes the implicit
#    `of` block before the `}`. The Report makes this a parse error (Note 3 comes
#    before Note 5); GHC accepts it, and so do we (our programs must be GHC programs,
#    and accepting more than the Report here never changes the meaning of a program
#    the Report accepts). A `}` that reaches `next()` while the innermost context is
#    implicit is reported as L201.
# 4. At the end of the file the stream closes every implicit block itself (Note 6) and
#    then returns EOF forever; an explicit block still open is the parser's error.
# 5. A parser that backtracks saves the whole state with `mark()` and returns to it
#    with `reset(mark)`.
# 6. Some semicolons are the grammar's business, not the stream's: a `then` or `else`
#    at the column of a `do` block gets a VSEMI, which Haskell 2010's
#    `lexp -> if exp [;] then exp [;] else exp` (§3.6) lets the parser skip.


@dataclass(frozen=True, slots=True)
class Annotated:
    """A token with its §10.3 annotations: ``{n}`` (``block``) and ``<n>`` (``line``)."""

    token: Token
    block: int | None
    line: int | None


@dataclass(frozen=True, slots=True)
class LayoutMark:
    """Everything ``LayoutStream.reset`` needs to return to an earlier point."""

    index: int
    block: int | None
    line: int | None
    contexts: tuple[int, ...]
    queue: tuple[Token, ...]
    real_queued: bool
    last_real: Token | None
    diagnostic_count: int


def annotate(tokens: Sequence[Token]) -> list[Annotated]:
    """The tokens with their ``{n}`` and ``<n>`` annotations (step 1 of the docstring)."""
    _check_tokens(tokens)
    return [Annotated(tokens[i], *_annotation(tokens, i)) for i in range(len(tokens))]


def resolve_by_indentation(tokens: Sequence[Token]) -> list[Token]:
    """Algorithm L with ``parse-error(t)`` always false; ends with the EOF token."""
    stream = LayoutStream(tokens)
    out = [stream.next()]
    while out[-1].kind is not TokenKind.EOF:
        out.append(stream.next())
    return out


class LayoutStream:
    """Algorithm L, run lazily; see Note [The parser drives the layout stream]."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        _check_tokens(tokens)
        self._tokens = tokens
        self._contexts: list[int] = []  # innermost last; 0 is an explicit brace
        self._queue: deque[Token] = deque()  # output made by L and not yet consumed
        self._real_queued = False  # whether the last entry of _queue is tokens[_index]
        self._last_real: Token | None = None
        self._diagnostics: list[Diagnostic] = []
        self._load(0)

    # -- the parser's interface ----------------------------------------------------

    def peek(self) -> Token:
        """The next token, without consuming it."""
        self._fill()
        return self._queue[0]

    def next(self) -> Token:
        """Consume and return the next token."""
        self._fill()
        token = self._queue.popleft()
        if not self._queue and self._real_queued:
            self._real_queued = False
            self._consume_real(token)
        return token

    def close_implicit_block(self) -> bool:
        """Note 5's parse-error(t) rule: close the innermost implicit block before t."""
        self._fill()
        if not (self._real_queued and len(self._queue) == 1):
            return False
        if not self._contexts or self._contexts[-1] == 0:
            return False
        self._contexts.pop()
        self._queue.appendleft(self._virtual_close())
        return True

    @property
    def contexts(self) -> tuple[int, ...]:
        """The layout contexts, innermost last (0 for an explicit brace)."""
        return tuple(self._contexts)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(self._diagnostics)

    def mark(self) -> LayoutMark:
        return LayoutMark(
            index=self._index,
            block=self._block,
            line=self._line,
            contexts=tuple(self._contexts),
            queue=tuple(self._queue),
            real_queued=self._real_queued,
            last_real=self._last_real,
            diagnostic_count=len(self._diagnostics),
        )

    def reset(self, mark: LayoutMark) -> None:
        self._index, self._block, self._line = mark.index, mark.block, mark.line
        self._contexts = list(mark.contexts)
        self._queue = deque(mark.queue)
        self._real_queued, self._last_real = mark.real_queued, mark.last_real
        del self._diagnostics[mark.diagnostic_count :]

    # -- algorithm L -----------------------------------------------------------------

    def _load(self, index: int) -> None:
        """Make ``tokens[index]`` the next input token, with its annotations pending."""
        self._index = index
        self._block, self._line = _annotation(self._tokens, index)

    def _fill(self) -> None:
        """Run L until it has produced an output token."""
        while not self._queue:
            if self._block is not None:
                self._open_block(self._block)
            elif self._line is not None:
                self._new_line(self._line)
            else:
                self._input_token()

    def _open_block(self, n: int) -> None:
        """``L ({n} : ts) ms``: Notes 1 and 2."""
        self._block = None
        self._queue.append(self._virtual_at_next(TokenKind.VLBRACE))
        if n > (self._contexts[-1] if self._contexts else 0):
            self._contexts.append(n)
        else:
            self._queue.append(self._virtual_at_next(TokenKind.VRBRACE))
            self._line = n

    def _new_line(self, n: int) -> None:
        """``L (<n> : ts) ms``: a semicolon, a closing brace (and ``<n>`` again), or nothing."""
        m = self._contexts[-1] if self._contexts else None
        if m is not None and n == m:
            self._line = None
            self._queue.append(self._virtual_at_next(TokenKind.VSEMI))
        elif m is not None and n < m:
            self._contexts.pop()
            self._queue.append(self._virtual_close())
        else:
            self._line = None

    def _input_token(self) -> None:
        """``L (t : ts) ms`` without Note 5 (the parser's part), and Note 6 at the end."""
        token = self._tokens[self._index]
        if token.kind is TokenKind.EOF and self._contexts and self._contexts[-1] != 0:
            self._contexts.pop()
            self._queue.append(self._virtual_close())
            return
        self._queue.append(token)
        self._real_queued = True

    def _consume_real(self, token: Token) -> None:
        """The effect of an input token once the parser takes it: Notes 3 and 4."""
        if token.kind is TokenKind.EOF:
            return  # EOF stays the next token for ever
        if token.kind is TokenKind.SPECIAL and token.text == "{":
            self._contexts.append(0)
        elif token.kind is TokenKind.SPECIAL and token.text == "}":
            self._close_explicit(token)
        self._last_real = token
        self._load(self._index + 1)

    def _close_explicit(self, token: Token) -> None:
        if self._contexts and self._contexts[-1] == 0:
            self._contexts.pop()
            return
        self._diagnostics.append(
            error(
                "L201",
                token.span,
                "this '}' does not close an explicit '{'",
                "an implicit layout block is still open here (Report §10.3, Note 3)",
            )
        )

    # -- virtual tokens ----------------------------------------------------------------

    def _virtual_at_next(self, kind: TokenKind) -> Token:
        """A zero-width token at the start of the next input token."""
        start = self._tokens[self._index].span
        return Token(kind, "", None, SrcSpan(start.file, start.start, start.start))

    def _virtual_close(self) -> Token:
        """A zero-width VRBRACE at the end of the last real token (see the docstring)."""
        if self._last_real is None:
            return self._virtual_at_next(TokenKind.VRBRACE)
        span = self._last_real.span
        return Token(TokenKind.VRBRACE, "", None, SrcSpan(span.file, span.end, span.end))


# Note [Annotating the first token]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# "First on its line" compares a token with the line on which the previous token
# *ends*: a string with a gap can span lines, and the token after it is not the first
# on the line where the string ends (§10.3, the note on string literals). A file with
# no tokens at all gets `{0}` before its EOF, which by Note 2 yields `{}`: an empty
# module body, as GHC reads an empty file. The Report's bullet about the first lexeme
# does not say what happens when there is none.
def _annotation(tokens: Sequence[Token], index: int) -> tuple[int | None, int | None]:
    """The ``({n}, <n>)`` annotations of ``tokens[index]``.

    See Note [Annotating the first token].
    """
    token = tokens[index]
    column = 0 if token.kind is TokenKind.EOF else token.span.start.col
    if _opens_block(tokens, index):
        return column, None
    previous_line = tokens[index - 1].span.end.line if index else 0
    if token.kind is not TokenKind.EOF and token.span.start.line > previous_line:
        return None, column
    return None, None


def _opens_block(tokens: Sequence[Token], index: int) -> bool:
    """Whether ``tokens[index]`` gets ``{n}`` (the first two bullets of §10.3)."""
    token = tokens[index]
    if _is_special(token, "{"):
        return False
    if index == 0:
        return not (token.kind is TokenKind.RESERVEDID and token.text == "module")
    previous = tokens[index - 1]
    return previous.kind is TokenKind.RESERVEDID and previous.text in LAYOUT_KEYWORDS


def _is_special(token: Token, text: str) -> bool:
    return token.kind is TokenKind.SPECIAL and token.text == text


def _check_tokens(tokens: Sequence[Token]) -> None:
    if not tokens or tokens[-1].kind is not TokenKind.EOF:
        raise ValueError("a token sequence for the layout rule must end with EOF")
