"""The lexical grammar of Haskell 2010 (Report chapter 2) as data and regular expressions.

``ifacedir.parse.lexer`` runs the loop; this module holds what it matches against:

* the reserved words and operators (§2.4), the pragmas that become tokens, the escape
  tables of §2.6 (``ASCII_ESCAPES``, ``CHARESC``);
* the Unicode character classes of §2.2, built from ``unicodedata`` on first use
  (Note [Unicode character classes]);
* ``patterns()``: the compiled master pattern whose alternation order implements maximal
  munch (Note [Maximal munch with one pattern]), and the patterns that cut out and
  decode string and character literals (Note [Escapes]).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

__all__ = [
    "ASCII_ESCAPES",
    "CHARESC",
    "MAX_CHAR",
    "NEWLINE",
    "PRAGMAS_WITH_ARGUMENTS",
    "RESERVED_IDS",
    "RESERVED_OPS",
    "TOKEN_PRAGMAS",
    "Patterns",
    "patterns",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Report §2.4.
RESERVED_IDS: Final = frozenset(
    _words(
        "case class data default deriving do else foreign if import in infix infixl infixr "
        "instance let module newtype of then type where _"
    )
)
RESERVED_OPS: Final = frozenset(_words(".. : :: = \\ | <- -> @ ~ =>"))

# Pragmas that become tokens; every other pragma is skipped as a comment, as GHC skips
# the pragmas it does not know. A LANGUAGE pragma has arguments: its token's text is the
# whole pragma, from which the parser reads the extension names.
TOKEN_PRAGMAS: Final = frozenset({"SOURCE", "LANGUAGE"})
PRAGMAS_WITH_ARGUMENTS: Final = frozenset({"LANGUAGE"})

# Report §2.6, `ascii`: the control-character names and their codes.
ASCII_ESCAPES: Final = {
    **{
        name: code
        for code, name in enumerate(
            _words(
                "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 "
                "DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
            )
        )
    },
    "SP": 32,
    "DEL": 127,
}

CHARESC: Final = {
    **{"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"},
    **{"\\": "\\", '"': '"', "'": "'", "&": ""},
}
MAX_CHAR: Final = 0x10FFFF

# Note [Newlines and form feeds]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The Report's `newline` is CR LF, CR, LF or form feed (§2.2). We start a new line at
# CR LF, CR and LF, but treat a form feed as plain white space, as GHC does: a program
# is meant to be accepted by GHC with the same meaning, and the layout rule depends on
# line breaks, so we count lines the way GHC does. A leading byte-order mark is not
# part of the program (GHC skips it too) and is dropped before lexing, so that the
# first token is in column 1.
NEWLINE: Final = re.compile(r"\r\n?|\n")


# Note [Unicode character classes]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# The Report's uniSmall, uniLarge, uniSymbol, uniDigit and uniWhite (§2.2) are Unicode
# general categories. Python's `re` has no \p{..} classes, so we build the classes
# once, on first use, from `unicodedata` (about 40 ms; planes 4 and up hold no
# letters, digits or symbols). Where GHC narrows the Report we follow GHC, since our
# programs must also be GHC programs:
#   * small:  `_`, a-z and Ll, plus Lo (letters without case, such as CJK), which the
#             Report leaves out but GHC lexes as lower case;
#   * large:  A-Z, Lu and Lt;
#   * idchar: small, large, ' , ASCII digits, Nd and Lm;
#   * symbol: the ASCII symbols, and Sm, Sc, Sk, So, Pc, Pd, Po: GHC leaves out the
#             bracket and quote punctuation (Ps, Pe, Pi, Pf), which the Report allows;
#   * white:  the ASCII white space characters and any other character for which
#             str.isspace() holds.
# Numeric literals use ASCII digits only, as in GHC.
_UNICODE_PLANES_END: Final = 0x40000
_CATEGORY_CLASS: Final = {
    "Lu": "large",
    "Lt": "large",
    "Ll": "small",
    "Lo": "small",
    "Lm": "idrest",
    "Nd": "idrest",
    **{cat: "symbol" for cat in ("Sm", "Sc", "Sk", "So", "Pc", "Pd", "Po")},
}


def _unicode_ranges() -> dict[str, str]:
    """Non-ASCII members of each character class, as ``re`` class ranges."""
    ranges: dict[str, list[list[int]]] = {c: [] for c in ("large", "small", "idrest", "symbol")}
    ranges["white"] = []
    for cp in range(0x80, _UNICODE_PLANES_END):
        ch = chr(cp)
        cls = "white" if ch.isspace() else _CATEGORY_CLASS.get(unicodedata.category(ch))
        if cls is None:
            continue
        spans = ranges[cls]
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return {cls: "".join(_class_range(lo, hi) for lo, hi in spans) for cls, spans in ranges.items()}


def _char_class(ascii_members: str, unicode_members: str) -> str:
    """A class whose long non-ASCII part is only tried on non-ASCII characters.

    `re` tests a class with characters beyond U+FFFF range by range, so testing a
    character that is *not* in one of our classes would walk thousands of ranges; the
    lookahead skips that walk for every ASCII character, which is nearly all of them.
    """
    return rf"(?:[{ascii_members}]|(?![\x00-\x7f])[{unicode_members}])"


def _class_range(lo: int, hi: int) -> str:
    return rf"\U{lo:08x}" if lo == hi else rf"\U{lo:08x}-\U{hi:08x}"


@dataclass(frozen=True, slots=True)
class Patterns:
    master: re.Pattern[str]
    qualifier: re.Pattern[str]
    string_body: re.Pattern[str]
    char_body: re.Pattern[str]
    piece: re.Pattern[str]


# Note [Maximal munch with one pattern]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Python's alternation takes the first alternative that matches, not the longest, so
# the order of the alternatives below is what implements the Report's maximal munch:
#   * `--` starts a comment only when the dashes are not followed by another symbol
#     (§2.3): `-->` and `--|` are operators. The comment alternative is a run of dashes
#     not followed by a symbol; otherwise the operator alternative takes the whole
#     symbol run.
#   * Qualified names come before plain ones: `M.x` is one qvarid, `f.g` (lower-case
#     qualifier) is three tokens, and `Prelude..` is the operator `.` qualified by
#     `Prelude`; this is why `[Monday..]` must be written `[Monday ..]` (§2.4). A
#     qualified operator is tried before a qualified constructor, so `M.X..+` is `.+`
#     qualified by `M.X` rather than `M.X` followed by `..+`. A qualifier that no name
#     follows is not part of the lexeme: `A.B.` is the qconid `A.B` and then `.`.
#   * Floats before integers, and a float needs digits after its dot: `1.e3` is `1`,
#     `.`, `e3`; `1e3` is a float. `0x` with no hex digit after it is `0` and then `x`.
#   * The final alternative matches any single character, so the match never fails;
#     reaching it means an illegal character.
# Possessive quantifiers (`*+`, `++`) keep the matcher from backtracking where no
# shorter match could succeed, so matching is linear in the length of the lexeme.
@functools.cache
def patterns() -> Patterns:
    uni = _unicode_ranges()
    small = _char_class("a-z_", uni["small"])
    large = _char_class("A-Z", uni["large"])
    idchar = _char_class("A-Za-z0-9_'", uni["large"] + uni["small"] + uni["idrest"])
    symbol = _char_class(r"!#$%&*+./<=>?@\\^|~:\-", uni["symbol"])
    white = _char_class(r" \t\n\r\f\v", uni["white"])
    qual = rf"(?:{large}{idchar}*+\.)+"
    master = "|".join(
        [
            rf"(?P<white>{white}++)",
            rf"(?P<linecomment>--+(?!{symbol})[^\r\n]*+)",
            r"(?P<blockcomment>\{-)",
            rf"(?P<qvarid>{qual}{small}{idchar}*+)",
            rf"(?P<qsym>{qual}{symbol}++)",
            rf"(?P<qconid>{qual}{large}{idchar}*+)",
            rf"(?P<varid>{small}{idchar}*+)",
            rf"(?P<conid>{large}{idchar}*+)",
            r"(?P<hex>0[xX][0-9A-Fa-f]++)",
            r"(?P<oct>0[oO][0-7]++)",
            r"(?P<float>[0-9]++(?:\.[0-9]++(?:[eE][-+]?[0-9]++)?|[eE][-+]?[0-9]++))",
            r"(?P<decimal>[0-9]++)",
            r"(?P<special>[(),;\[\]`{}])",
            rf"(?P<symbol>{symbol}++)",
            r'(?P<string>")',
            r"(?P<char>')",
            r"(?P<illegal>[\s\S])",
        ]
    )
    # A literal's body: plain characters, string gaps, `\^c` (which may be `\^\`) and
    # any other backslash pair; the pieces are checked by `piece` afterwards (a gap in
    # a character literal is cut out too, to be reported as such).
    escape_pair = r"\\\^[^\r\n]|\\[^\r\n]"
    return Patterns(
        master=re.compile(master),
        qualifier=re.compile(qual),
        string_body=re.compile(rf'(?:[^"\\\r\n]++|\\{white}++\\|{escape_pair})*+'),
        char_body=re.compile(rf"(?:[^'\\\r\n]|\\{white}++\\|{escape_pair})*+"),
        piece=re.compile(_piece_pattern(white)),
    )


# Note [Escapes]
# ~~~~~~~~~~~~~~
# A string or character literal is first cut out of the text (up to its closing quote
# on the same line, or across string gaps), then decoded piece by piece with one
# pattern whose alternatives are the Report's `escape` forms (§2.6):
#   * `\n` and the other single-letter escapes, `\\`, `\"`, `\'`;
#   * `\&`, the empty escape, which exists to separate an escape from what follows
#     (`"\123\&4"` is two characters, `"\SO\&H"` is SO followed by H);
#   * `\^A` .. `\^_` and `\^@`, control characters by caret notation;
#   * the ASCII names `\NUL` .. `\DEL`, tried longest first, so that `\SOH` is one
#     character (SOH) and never SO followed by H: maximal munch again;
#   * numeric escapes in decimal, octal (`\o17`) and hex (`\x7F`), which take as many
#     digits as there are and must not exceed U+10FFFF;
#   * string gaps, a backslash, white space (including newlines) and a backslash,
#     which stand for nothing.
# `\&` and gaps are not allowed in character literals (`escape⟨\&⟩`, §2.6). Raw
# control characters, tab included, are not `graphic` and must be written as escapes.
def _piece_pattern(white: str) -> str:
    names = "|".join(sorted(ASCII_ESCAPES, key=len, reverse=True))
    escapes = "|".join(
        [
            r"""(?P<charesc>[abfnrtv\\"'&])""",
            r"\^(?P<caret>[A-Z@\[\\\]^_])",
            f"(?P<ascii>{names})",
            r"(?P<decimal>[0-9]++)",
            r"o(?P<octal>[0-7]++)",
            r"x(?P<hex>[0-9A-Fa-f]++)",
            rf"(?P<gap>{white}++\\)",
        ]
    )
    literal = r"(?P<literal>[^\\\x00-\x1f\x7f-\x9f]++)"
    bad = rf"(?P<badgap>\\{white}++)|(?P<badescape>\\[\s\S]?)|(?P<badchar>[\s\S])"
    return rf"{literal}|\\(?:{escapes})|{bad}"
