"""A toy recursive-descent parser that drives ``LayoutStream`` as a real parser must.

Its grammar is just rich enough to need Note 5 of Report §10.3 (parse-error(t)):

    module := block | item               (a header such as `module M where` is an item)
    block  := '{' items '}' | VLBRACE items close
    close  := VRBRACE | <close_implicit_block(), then VRBRACE>
    items  := [item] {(';' | VSEMI) [item]}
    item   := part {part}                 (stops before ; } ) ] , in and EOF)
    part   := ('let' | 'where' | 'do' | 'of') block ['in' after let]
            | '(' item {',' item} ')' | '[' item {',' item} ']'
            | any other token

An item cannot start with an operator or with `where`, `then`, `else` or `of`; such a
token ends the block, as it would in Haskell. The parser returns every token it
consumed, so tests can compare the stream with an explicitly braced program.
"""

from __future__ import annotations

from ifacedir.parse.layout import LAYOUT_KEYWORDS, LayoutStream
from ifacedir.parse.lexer import Token, TokenKind, lex

K = TokenKind

_STOP_SPECIALS = frozenset({";", "}", ")", "]", ","})
_NOT_ITEM_START = frozenset({"where", "then", "else", "of", "in"})
_OPERATOR_KINDS = frozenset({K.VARSYM, K.CONSYM, K.QVARSYM, K.QCONSYM, K.RESERVEDOP})


class ToyParseError(Exception):
    def __init__(self, token: Token) -> None:
        super().__init__(f"parse error at {token.kind} {token.text!r} ({token.span})")
        self.token = token


class ToyParser:
    def __init__(self, stream: LayoutStream) -> None:
        self.stream = stream
        self.consumed: list[Token] = []

    def parse_module(self) -> list[Token]:
        first = self.stream.peek()
        if first.kind is K.VLBRACE or _is(first, K.SPECIAL, "{"):
            self.block()
        else:
            self.item()
        end = self.stream.peek()
        if end.kind is not K.EOF:
            raise ToyParseError(end)
        return self.consumed

    def take(self) -> Token:
        token = self.stream.next()
        self.consumed.append(token)
        return token

    def block(self) -> None:
        opening = self.take()
        self.items()
        if opening.kind is K.VLBRACE:
            self.close_implicit()
        elif _is(self.stream.peek(), K.SPECIAL, "}"):
            self.take()
        else:
            raise ToyParseError(self.stream.peek())

    def close_implicit(self) -> None:
        """``close : vccurly | error`` in GHC's grammar: Note 5's parse-error(t)."""
        if self.stream.peek().kind is K.VRBRACE or self.stream.close_implicit_block():
            self.take()
        else:
            raise ToyParseError(self.stream.peek())

    def items(self) -> None:
        self.item()
        while _is_separator(self.stream.peek()):
            self.take()
            self.item()

    def item(self) -> None:
        token = self.stream.peek()
        if token.kind in _OPERATOR_KINDS and token.text != "\\":
            return
        if token.kind is K.RESERVEDID and token.text in _NOT_ITEM_START:
            return
        while not _stops_item(self.stream.peek()):
            self.part()

    def part(self) -> None:
        token = self.take()
        if token.kind is K.RESERVEDID and token.text in LAYOUT_KEYWORDS:
            self.block()
            if token.text == "let" and _is(self.stream.peek(), K.RESERVEDID, "in"):
                self.take()
        elif _is(token, K.SPECIAL, "("):
            self.group(")")
        elif _is(token, K.SPECIAL, "["):
            self.group("]")

    def group(self, closer: str) -> None:
        self.item()
        while _is(self.stream.peek(), K.SPECIAL, ","):
            self.take()
            self.item()
        if not _is(self.stream.peek(), K.SPECIAL, closer):
            raise ToyParseError(self.stream.peek())
        self.take()


def _is(token: Token, kind: TokenKind, text: str) -> bool:
    return token.kind is kind and token.text == text


def _is_separator(token: Token) -> bool:
    return token.kind is K.VSEMI or _is(token, K.SPECIAL, ";")


def _stops_item(token: Token) -> bool:
    if token.kind in (K.VSEMI, K.VRBRACE, K.EOF):
        return True
    if token.kind is K.SPECIAL and token.text in _STOP_SPECIALS:
        return True
    return _is(token, K.RESERVEDID, "in")


def braced(tokens: list[Token]) -> str:
    """Tokens as text, virtual braces and semicolons written like explicit ones."""
    shown = {K.VLBRACE: "{", K.VSEMI: ";", K.VRBRACE: "}", K.EOF: ""}
    return " ".join(shown.get(t.kind, t.text) for t in tokens).strip()


def parse(src: str) -> str:
    """The toy parse of ``src`` with its layout made explicit."""
    return braced(ToyParser(LayoutStream(lex(src))).parse_module())
