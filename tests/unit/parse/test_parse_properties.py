"""Property tests: printed tokens lex back, escapes round-trip, layout equals braces."""

from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st
from layout_toy_parser import ToyParser, braced

from ifacedir.parse.layout import LayoutStream, resolve_by_indentation
from ifacedir.parse.lexer import (
    ASCII_ESCAPES,
    RESERVED_IDS,
    RESERVED_OPS,
    QualName,
    TokenValue,
    lex,
    tokenize,
)

SETTINGS = settings(max_examples=150, deadline=None)

# -- printed tokens lex back ----------------------------------------------------------

Expected = tuple[str, str, object]  # (kind, source text, expected value)

_SYMBOLS = "!#$%&*+./<=>?@\\^|~-:"

_varid = st.from_regex(r"[a-z_][A-Za-z0-9_']{0,5}", fullmatch=True).filter(
    lambda s: s not in RESERVED_IDS
)
_conid = st.from_regex(r"[A-Z][A-Za-z0-9_']{0,5}", fullmatch=True)
_modid = st.lists(_conid, min_size=1, max_size=3).map(".".join)


def _is_operator(s: str) -> bool:
    return (s not in RESERVED_OPS and s.strip("-") != "") or s == "-"


_varsym = st.text(_SYMBOLS.replace(":", ""), min_size=1, max_size=4).filter(_is_operator)
_consym = st.text(_SYMBOLS, max_size=3).map(lambda s: ":" + s).filter(_is_operator)


def _name(kind: str, text: st.SearchStrategy[str]) -> st.SearchStrategy[Expected]:
    return text.map(lambda s: (kind, s, s))


def _qualified(kind: str, name: st.SearchStrategy[str]) -> st.SearchStrategy[Expected]:
    return st.tuples(_modid, name).map(lambda p: (kind, f"{p[0]}.{p[1]}", QualName(*p)))


@st.composite
def _integer(draw: st.DrawFn) -> Expected:
    n = draw(st.integers(min_value=0, max_value=10**40))
    form = draw(st.sampled_from(["{}", "0x{:x}", "0X{:X}", "0o{:o}", "0O{:o}"]))
    return ("integer", form.format(n), n)


@st.composite
def _float(draw: st.DrawFn) -> Expected:
    whole = draw(st.integers(min_value=0, max_value=10**12))
    fraction = draw(st.one_of(st.none(), st.from_regex(r"[0-9]{1,6}", fullmatch=True)))
    exponent = draw(st.one_of(st.none(), st.integers(min_value=-30, max_value=30)))
    if fraction is None and exponent is None:
        exponent = 0
    text = str(whole) + (f".{fraction}" if fraction is not None else "")
    value = Fraction(text)
    if exponent is not None:
        sign = draw(st.sampled_from(["", "+"])) if exponent >= 0 else ""
        text += draw(st.sampled_from("eE")) + sign + str(exponent)
        value *= Fraction(10) ** exponent
    return ("float", text, value)


_chars = st.characters(exclude_categories=["Cs"])

# An escape that ends in digits, or `\SO`, would swallow a following digit (or `H`):
# maximal munch, §2.6. The encoder then separates them with `\&`, as `show` does.
_GREEDY_TAILS = (("\\x", string.hexdigits), ("\\o", string.octdigits), ("\\", string.digits))


def _escape_forms(c: str, quote: str) -> list[str]:
    """Every way of writing ``c`` inside a literal delimited by ``quote``."""
    code = ord(c)
    forms = [f"\\{code}", f"\\x{code:x}", f"\\x{code:X}", f"\\o{code:o}"]
    if c == " " or (c.isprintable() and not c.isspace() and c not in (quote, "\\")):
        forms.append(c)
    forms += [f"\\{name}" for name, n in ASCII_ESCAPES.items() if n == code]
    if code < 32:
        forms.append("\\^" + chr(code + 64))
    forms += [f"\\{e}" for e, v in _SIMPLE_ESCAPES.items() if v == c]
    return forms


_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_SIMPLE_ESCAPES |= {"v": "\v", "\\": "\\", '"': '"', "'": "'"}


def _swallows(previous: str, following: str) -> bool:
    """Whether escape ``previous`` would read the first character of ``following``."""
    if previous == "\\SO":
        return following.startswith("H")
    for prefix, digits in _GREEDY_TAILS:
        rest = previous.removeprefix(prefix)
        if rest != previous and rest and all(d in digits for d in rest):
            return following[:1] in set(digits)
    return False


@st.composite
def _escaped_string(draw: st.DrawFn) -> tuple[str, str]:
    """A string and a literal body for it: a random form per character, `\\&` and gaps."""
    value = draw(st.text(_chars, max_size=12))
    body: list[str] = []
    for c in value:
        form = draw(st.sampled_from(_escape_forms(c, '"')))
        if body and _swallows(body[-1], form):
            body.append("\\&")
        elif draw(st.integers(0, 4)) == 0:
            body.append(draw(st.sampled_from(["\\&", "\\ \\", "\\\n  \t\\"])))
        body.append(form)
    return value, "".join(body)


def _string_token() -> st.SearchStrategy[Expected]:
    return _escaped_string().map(lambda p: ("string", f'"{p[1]}"', p[0]))


def _char_token() -> st.SearchStrategy[Expected]:
    def forms(c: str) -> st.SearchStrategy[Expected]:
        return st.sampled_from(_escape_forms(c, "'")).map(lambda f: ("char", f"'{f}'", c))

    return _chars.flatmap(forms)


_token = st.one_of(
    _name("varid", _varid),
    _name("conid", _conid),
    _name("varsym", _varsym),
    _name("consym", _consym),
    _qualified("qvarid", _varid),
    _qualified("qconid", _conid),
    _qualified("qvarsym", _varsym),
    _qualified("qconsym", _consym),
    _name("reservedid", st.sampled_from(sorted(RESERVED_IDS))),
    _name("reservedop", st.sampled_from(sorted(RESERVED_OPS))),
    _name("special", st.sampled_from(list("(),;[]`{}"))),
    _integer(),
    _float(),
    _char_token(),
    _string_token(),
    st.just(("pragma", "{-# SOURCE #-}", "SOURCE")),
)


def _normal(value: TokenValue) -> object:
    return Fraction(value) if isinstance(value, Decimal) else value


@SETTINGS
@given(st.lists(_token, max_size=12), st.sampled_from([" ", "  ", "\t", "\n ", " {- c -} "]))
def test_printed_tokens_lex_back(tokens: list[Expected], separator: str) -> None:
    lexed = lex(separator.join(text for _, text, _ in tokens))
    assert [(str(t.kind), _normal(t.value)) for t in lexed[:-1]] == [
        (kind, value) for kind, _, value in tokens
    ]
    assert [t.text for t in lexed[:-1]] == [text for _, text, _ in tokens]


@SETTINGS
@given(_escaped_string())
def test_string_escapes_round_trip(pair: tuple[str, str]) -> None:
    value, body = pair
    (token, _eof) = lex(f'"{body}"')
    assert token.value == value


@SETTINGS
@given(st.text(max_size=80))
def test_lexer_is_total(text: str) -> None:
    # Any text at all: tokens or diagnostics, never an exception, spans inside the text.
    result = tokenize(text)
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    for span in [t.span for t in result.tokens] + [d.span for d in result.diagnostics]:
        assert span.start <= span.end
        assert 1 <= span.start.line <= span.end.line <= lines


# -- layout by indentation equals explicit braces -------------------------------------


@dataclass(frozen=True)
class _Block:
    keyword: str
    items: tuple[tuple[object, ...], ...]  # each part is a word (str) or a _Block


_first_words = st.sampled_from(["a", "b", "f", "x1", "(y)", "1", "'c'", '"s"'])
_words = st.one_of(_first_words, st.just("+"))


def _items(depth: int) -> st.SearchStrategy[tuple[object, ...]]:
    """Words (the first not an operator), and maybe a nested block as the last part."""
    words = st.tuples(_first_words, st.lists(_words, max_size=2))
    last: st.SearchStrategy[object] = (
        st.none() if depth == 0 else st.one_of(st.none(), _block(depth))
    )
    return st.tuples(words, last).map(
        lambda p: (p[0][0], *p[0][1], *(() if p[1] is None else (p[1],)))
    )


def _block(depth: int) -> st.SearchStrategy[_Block]:
    keyword = st.sampled_from(["do", "of", "where", "let"])
    return st.builds(_Block, keyword, st.lists(_items(depth - 1), max_size=3).map(tuple))


@st.composite
def _laid_out(draw: st.DrawFn) -> tuple[str, str]:
    """A random block structure, printed with layout and with explicit braces."""
    top = draw(st.lists(_items(3), min_size=1, max_size=3))
    lines: list[str] = []
    explicit: list[str] = []
    _print_items(draw, top, draw(st.integers(1, 3)), lines, explicit, False)
    return "\n".join(lines), "{ " + " ".join(explicit) + " }"


def _print_items(
    draw: st.DrawFn,
    items: list[tuple[object, ...]],
    col: int,
    lines: list[str],
    explicit: list[str],
    same_line: bool,
) -> None:
    """Items of a block whose column is ``col``; the first may go on the current line."""
    for i, item in enumerate(items):
        if i:
            explicit.append(";")
        if not (i == 0 and same_line):
            lines.append(" " * (col - 1))
        _print_item(draw, item, col, lines, explicit)


def _print_item(
    draw: st.DrawFn, item: tuple[object, ...], col: int, lines: list[str], explicit: list[str]
) -> None:
    for part in item:
        text = part.keyword if isinstance(part, _Block) else str(part)
        lines[-1] += (" " if lines[-1].strip() else "") + text
        explicit.append(text)
        if isinstance(part, _Block):
            _print_block(draw, part, col, lines, explicit)


def _print_block(
    draw: st.DrawFn, block: _Block, col: int, lines: list[str], explicit: list[str]
) -> None:
    """The block after its keyword: on the same line, or on new lines indented more."""
    explicit.append("{")
    same_line = bool(block.items) and draw(st.booleans())
    inner = len(lines[-1]) + 2 if same_line else col + draw(st.integers(1, 3))
    _print_items(draw, list(block.items), inner, lines, explicit, same_line)
    explicit.append("}")


@SETTINGS
@given(_laid_out())
def test_layout_equals_explicit_braces(program: tuple[str, str]) -> None:
    laid_out, braces = program
    assert braced(resolve_by_indentation(lex(laid_out))) == braced(lex(braces))
    # The parser-driven stream agrees: no implicit block needs Note 5 here.
    assert braced(ToyParser(LayoutStream(lex(laid_out))).parse_module()) == braced(lex(braces))
