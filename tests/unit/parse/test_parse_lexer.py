"""The lexer on valid input: one test group per rule of Report chapter 2."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ifacedir.parse.lexer import (
    ASCII_ESCAPES,
    QualName,
    Token,
    TokenKind,
    TokenValue,
    lex,
    tokenize,
)
from ifacedir.syntax.span import SrcLoc, SrcSpan

K = TokenKind


def pairs(src: str) -> list[tuple[str, TokenValue]]:
    """(kind, value) of every token but EOF."""
    tokens = lex(src, "T.hs")
    assert tokens[-1].kind is K.EOF
    return [(str(t.kind), t.value) for t in tokens[:-1]]


def one(src: str) -> Token:
    tokens = lex(src, "T.hs")
    assert len(tokens) == 2, tokens
    return tokens[0]


def texts(src: str) -> list[str]:
    return [t.text for t in lex(src)[:-1]]


# -- identifiers and reserved words (§2.4) ------------------------------------------


@pytest.mark.parametrize(
    ("src", "kind"),
    [
        ("x", "varid"),
        ("_x", "varid"),
        ("x'", "varid"),
        ("x''y'", "varid"),
        ("camelCase9", "varid"),
        ("T", "conid"),
        ("T'", "conid"),
        ("Maybe", "conid"),
        ("_", "reservedid"),
        ("where", "reservedid"),
        ("foreign", "reservedid"),
        ("wherever", "varid"),
        ("λx", "varid"),
        ("Ärger", "conid"),
        ("名前", "varid"),
    ],
)
def test_identifiers(src: str, kind: str) -> None:
    token = one(src)
    assert (token.kind, token.value) == (kind, src)


def test_every_reserved_word() -> None:
    text = (
        "case class data default deriving do else foreign if import in infix infixl "
        "infixr instance let module newtype of then type where _"
    )
    assert pairs(text) == [("reservedid", w) for w in text.split(" ")]


# -- qualified names (§2.4, §5.5.1) -------------------------------------------------


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("M.x", [("qvarid", QualName("M", "x"))]),
        ("Data.Map.T", [("qconid", QualName("Data.Map", "T"))]),
        ("Data.Map", [("qconid", QualName("Data", "Map"))]),
        ("Data.Map.lookup'", [("qvarid", QualName("Data.Map", "lookup'"))]),
        ("M.+", [("qvarsym", QualName("M", "+"))]),
        ("Prelude..", [("qvarsym", QualName("Prelude", "."))]),
        ("M..", [("qvarsym", QualName("M", "."))]),
        ("M.X..+", [("qvarsym", QualName("M.X", ".+"))]),
        ("M.:+", [("qconsym", QualName("M", ":+"))]),
        ("M.-->", [("qvarsym", QualName("M", "-->"))]),
        ("Just.f", [("qvarid", QualName("Just", "f"))]),
        ("f.g", [("varid", "f"), ("varsym", "."), ("varid", "g")]),
        ("A.B.", [("qconid", QualName("A", "B")), ("varsym", ".")]),
        ("M.(", [("conid", "M"), ("varsym", "."), ("special", "(")]),
        ("M . x", [("conid", "M"), ("varsym", "."), ("varid", "x")]),
        (
            "[Monday ..]",
            [("special", "["), ("conid", "Monday"), ("reservedop", ".."), ("special", "]")],
        ),
    ],
)
def test_qualified_names(src: str, expected: list[tuple[str, TokenValue]]) -> None:
    assert pairs(src) == expected


def test_qualified_reserved_word_is_not_one_lexeme() -> None:
    # Note [Qualified reserved words]: the longest lexeme at `M` is the conid.
    assert pairs("M.where") == [("conid", "M"), ("varsym", "."), ("reservedid", "where")]
    assert pairs("A.B._") == [
        ("qconid", QualName("A", "B")),
        ("varsym", "."),
        ("reservedid", "_"),
    ]


def test_qualified_name_span_and_text() -> None:
    token = one("  Data.Map.T")
    assert token.text == "Data.Map.T"
    assert token.span == SrcSpan("T.hs", SrcLoc(1, 3), SrcLoc(1, 13))
    assert str(token.value) == "Data.Map.T"


# -- operators and maximal munch (§2.2, §2.4) ---------------------------------------


@pytest.mark.parametrize(
    ("src", "kind"),
    [
        ("..", "reservedop"),
        (":", "reservedop"),
        ("::", "reservedop"),
        ("=", "reservedop"),
        ("\\", "reservedop"),
        ("|", "reservedop"),
        ("<-", "reservedop"),
        ("->", "reservedop"),
        ("@", "reservedop"),
        ("~", "reservedop"),
        ("=>", "reservedop"),
        ("...", "varsym"),
        (":::", "consym"),
        (":+", "consym"),
        ("=>>", "varsym"),
        ("<--", "varsym"),
        ("\\\\", "varsym"),
        ("-", "varsym"),
        ("+", "varsym"),
        ("!", "varsym"),
        ("|>", "varsym"),
        (">>=", "varsym"),
        ("-->", "varsym"),
        ("--|", "varsym"),
        ("|--", "varsym"),
        ("∘", "varsym"),
        ("€", "varsym"),
    ],
)
def test_operators(src: str, kind: str) -> None:
    token = one(src)
    assert (token.kind, token.value) == (kind, src)


def test_specials() -> None:
    assert pairs("(),;[]`{}") == [("special", c) for c in "(),;[]`{}"]


def test_maximal_munch_takes_the_whole_symbol_run() -> None:
    assert texts("a+-b") == ["a", "+-", "b"]
    assert texts("x->y") == ["x", "->", "y"]
    assert texts("\\x->x") == ["\\", "x", "->", "x"]
    assert texts("f::Int") == ["f", "::", "Int"]


# -- comments (§2.3) ----------------------------------------------------------------


def test_line_comments() -> None:
    assert texts("a -- comment\nb") == ["a", "b"]
    assert texts("a --- more dashes\nb") == ["a", "b"]
    assert texts("a --\nb") == ["a", "b"]
    assert texts("a -- | haddock\nb") == ["a", "b"]
    assert texts("a --") == ["a"]
    assert texts("a --# not a pragma") == ["a", "--#", "not", "a", "pragma"]


def test_dashes_followed_by_a_symbol_are_an_operator() -> None:
    assert texts("x --> y") == ["x", "-->", "y"]
    assert texts("x --| y") == ["x", "--|", "y"]
    assert texts("x|--y") == ["x", "|--", "y"]


def test_nested_comments() -> None:
    assert texts("a {- {- inner -} still comment -} b") == ["a", "b"]
    assert texts("a {--} b") == ["a", "b"]
    assert texts("a {- -- not a line comment -} b") == ["a", "b"]
    assert texts('a {- "quote -} b') == ["a", "b"]
    assert texts("a {-\n\n-} b") == ["a", "b"]
    assert texts("a {---} b") == ["a", "b"]


def test_comment_positions_do_not_disturb_columns() -> None:
    tokens = lex("{- x -} y\n{-\n-}  z")
    assert [(t.text, t.span.start) for t in tokens[:-1]] == [
        ("y", SrcLoc(1, 9)),
        ("z", SrcLoc(3, 5)),
    ]


# -- pragmas ------------------------------------------------------------------------


def test_source_pragma_is_a_token() -> None:
    tokens = lex("import {-# SOURCE #-} A")
    assert [(t.kind, t.value) for t in tokens[:-1]] == [
        ("reservedid", "import"),
        ("pragma", "SOURCE"),
        ("conid", "A"),
    ]
    assert tokens[1].text == "{-# SOURCE #-}"
    assert tokens[1].span == SrcSpan("<input>", SrcLoc(1, 8), SrcLoc(1, 22))


@pytest.mark.parametrize("src", ["{-#source#-}", "{-#   Source\n  #-}", "{-# SOURCE #-}"])
def test_source_pragma_spelling(src: str) -> None:
    token = one(src)
    assert (token.kind, token.value) == ("pragma", "SOURCE")


def test_language_pragma_is_a_token_with_its_text() -> None:
    token = one("{-# LANGUAGE NoImplicitPrelude,\n  Foo #-}")
    assert (token.kind, token.value) == ("pragma", "LANGUAGE")
    assert token.text == "{-# LANGUAGE NoImplicitPrelude,\n  Foo #-}"


@pytest.mark.parametrize(
    "src",
    [
        "{-# OPTIONS_GHC -Wall #-}",
        "{-# INLINE f #-}",
        "{-# UNKNOWN whatever {- nested -} #-}",
        "{-#-}",
    ],
)
def test_other_pragmas_are_comments(src: str) -> None:
    assert texts(f"a {src} b") == ["a", "b"]


# -- numeric literals (§2.5) --------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "value"),
    [
        ("0", 0),
        ("42", 42),
        ("007", 7),
        ("0x1F", 31),
        ("0X1f", 31),
        ("0xff", 255),
        ("0o17", 15),
        ("0O17", 15),
        ("123456789012345678901234567890", 123456789012345678901234567890),
    ],
)
def test_integers(src: str, value: int) -> None:
    token = one(src)
    assert (token.kind, token.value, token.text) == ("integer", value, src)


def test_very_long_integer() -> None:
    digits = "9" * 5000
    assert one(digits).value == 10**5000 - 1


@pytest.mark.parametrize(
    ("src", "value"),
    [
        ("1.5", Fraction(3, 2)),
        ("1e10", Fraction(10**10)),
        ("1E10", Fraction(10**10)),
        ("1.5e-3", Fraction(3, 2000)),
        ("1.5E+3", Fraction(1500)),
        ("0.1", Fraction(1, 10)),
        ("2e0", Fraction(2)),
        ("1e400", Fraction(10**400)),
    ],
)
def test_floats_are_exact(src: str, value: Fraction) -> None:
    token = one(src)
    assert token.kind == "float" and token.text == src
    assert isinstance(token.value, Decimal)
    assert Fraction(token.value) == value


def test_huge_float_exponent_is_kept_symbolically() -> None:
    token = one("1e1000000000")
    assert isinstance(token.value, Decimal)
    assert token.value.as_tuple().exponent == 1000000000


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("1.e3", [("integer", 1), ("varsym", "."), ("varid", "e3")]),
        ("1e", [("integer", 1), ("varid", "e")]),
        ("1.5e", [("float", Decimal("1.5")), ("varid", "e")]),
        ("0x", [("integer", 0), ("varid", "x")]),
        ("0o8", [("integer", 0), ("varid", "o8")]),
        ("1..5", [("integer", 1), ("reservedop", ".."), ("integer", 5)]),
        ("[1..]", [("special", "["), ("integer", 1), ("reservedop", ".."), ("special", "]")]),
        ("12abc", [("integer", 12), ("varid", "abc")]),
        ("-1", [("varsym", "-"), ("integer", 1)]),
    ],
)
def test_numeric_maximal_munch(src: str, expected: list[tuple[str, TokenValue]]) -> None:
    assert pairs(src) == expected


# -- character and string literals (§2.6) -------------------------------------------


@pytest.mark.parametrize(
    ("src", "value"),
    [
        ("'a'", "a"),
        ("' '", " "),
        ("'\"'", '"'),
        ("'\\''", "'"),
        ("'\\\\'", "\\"),
        ("'\\n'", "\n"),
        ("'\\SOH'", "\x01"),
        ("'\\^A'", "\x01"),
        ("'\\65'", "A"),
        ("'\\x41'", "A"),
        ("'\\o101'", "A"),
        ("'λ'", "λ"),
        ("'\\1114111'", "\U0010ffff"),
    ],
)
def test_characters(src: str, value: str) -> None:
    token = one(src)
    assert (token.kind, token.value, token.text) == ("char", value, src)


def test_primes_in_names_are_not_characters() -> None:
    assert pairs("f' 'x'") == [("varid", "f'"), ("char", "x")]
    assert pairs("['a','b']") == [
        ("special", "["),
        ("char", "a"),
        ("special", ","),
        ("char", "b"),
        ("special", "]"),
    ]


@pytest.mark.parametrize(
    ("escape", "value"),
    [
        ("\\a", "\a"),
        ("\\b", "\b"),
        ("\\f", "\f"),
        ("\\n", "\n"),
        ("\\r", "\r"),
        ("\\t", "\t"),
        ("\\v", "\v"),
        ("\\\\", "\\"),
        ('\\"', '"'),
        ("\\'", "'"),
        ("\\&", ""),
        ("\\^@", "\x00"),
        ("\\^A", "\x01"),
        ("\\^Z", "\x1a"),
        ("\\^[", "\x1b"),
        ("\\^\\", "\x1c"),
        ("\\^]", "\x1d"),
        ("\\^^", "\x1e"),
        ("\\^_", "\x1f"),
        ("\\0", "\x00"),
        ("\\123", "{"),
        ("\\x7F", "\x7f"),
        ("\\x7f", "\x7f"),
        ("\\o17", "\x0f"),
        ("\\1114111", "\U0010ffff"),
        ("\\x10FFFF", "\U0010ffff"),
        ("\\0000000065", "A"),
    ],
)
def test_string_escapes(escape: str, value: str) -> None:
    assert one(f'"{escape}"').value == value


@pytest.mark.parametrize(("name", "code"), sorted(ASCII_ESCAPES.items()))
def test_ascii_control_names(name: str, code: int) -> None:
    assert one(f'"\\{name}"').value == chr(code)
    assert one(f"'\\{name}'").value == chr(code)


def test_escape_maximal_munch() -> None:
    assert one('"\\SOH"').value == "\x01"  # SOH, not SO followed by H
    assert one('"\\SO\\&H"').value == "\x0eH"
    assert one('"\\SOx"').value == "\x0ex"
    assert one('"\\1234"').value == "\u04d2"  # all four digits
    assert one('"\\123\\&4"').value == "{4"
    assert one('"\\x41G"').value == "AG"
    assert one('"\\DELx"').value == "\x7fx"
    assert one('"\\^AB"').value == "\x01B"


def test_string_gaps() -> None:
    assert one('"abc\\   \\def"').value == "abcdef"
    assert one('"abc\\\n   \\def"').value == "abcdef"
    assert one('"abc\\\n\n\t  \\def"').value == "abcdef"
    assert one('"\\ \\"').value == ""


def test_string_with_gap_spans_lines() -> None:
    tokens = lex('x = "ab\\\n     \\cd" y')
    string, y = tokens[2], tokens[3]
    assert string.span == SrcSpan("<input>", SrcLoc(1, 5), SrcLoc(2, 10))
    assert y.span.start == SrcLoc(2, 11)


def test_plain_strings() -> None:
    assert one('""').value == ""
    assert one('"hello, world"').value == "hello, world"
    assert one('"\'"').value == "'"
    assert one('"-- not a comment {- nor this"').value == "-- not a comment {- nor this"
    assert one('"λ → ∀"').value == "λ → ∀"


# -- positions: lines, columns and tabs (§10.3) -------------------------------------


def test_columns_count_tab_stops_every_eight() -> None:
    def start(src: str) -> SrcLoc:
        return lex(src)[-2].span.start

    assert start("\tx") == SrcLoc(1, 9)
    assert start("ab\tx") == SrcLoc(1, 9)
    assert start("1234567\tx") == SrcLoc(1, 9)
    assert start("12345678\tx") == SrcLoc(1, 17)
    assert start("\t\tx") == SrcLoc(1, 17)
    assert start(" \t x") == SrcLoc(1, 10)
    assert start("a\n\tb") == SrcLoc(2, 9)


def test_tab_columns_in_spans_and_later_tokens() -> None:
    tokens = lex("a\tbc\td")
    assert [t.span for t in tokens[:-1]] == [
        SrcSpan("<input>", SrcLoc(1, 1), SrcLoc(1, 2)),
        SrcSpan("<input>", SrcLoc(1, 9), SrcLoc(1, 11)),
        SrcSpan("<input>", SrcLoc(1, 17), SrcLoc(1, 18)),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    tokens = lex(newline.join(["a", "  b", "", "c"]))
    assert [t.span.start for t in tokens] == [
        SrcLoc(1, 1),
        SrcLoc(2, 3),
        SrcLoc(4, 1),
        SrcLoc(4, 2),
    ]


def test_form_feed_is_white_space_on_the_same_line() -> None:
    # Note [Newlines and form feeds]
    assert [t.span.start for t in lex("a\fb")[:-1]] == [SrcLoc(1, 1), SrcLoc(1, 3)]


def test_byte_order_mark_is_dropped() -> None:
    token = lex("\ufeffmodule")[0]
    assert token.span.start == SrcLoc(1, 1)


def test_eof_token() -> None:
    assert lex("") == [Token(K.EOF, "", None, SrcSpan("<input>", SrcLoc(1, 1), SrcLoc(1, 1)))]
    assert lex("x\n")[-1].span.start == SrcLoc(2, 1)


def test_unicode_white_space() -> None:
    assert texts("a\u00a0b\u2003c") == ["a", "b", "c"]


def test_a_small_program() -> None:
    src = 'module Main (main) where\n\nmain :: IO ()\nmain = putStrLn "hi" >> print (1 + 2.5)\n'
    assert pairs(src) == [
        ("reservedid", "module"),
        ("conid", "Main"),
        ("special", "("),
        ("varid", "main"),
        ("special", ")"),
        ("reservedid", "where"),
        ("varid", "main"),
        ("reservedop", "::"),
        ("conid", "IO"),
        ("special", "("),
        ("special", ")"),
        ("varid", "main"),
        ("reservedop", "="),
        ("varid", "putStrLn"),
        ("string", "hi"),
        ("varsym", ">>"),
        ("varid", "print"),
        ("special", "("),
        ("integer", 1),
        ("varsym", "+"),
        ("float", Decimal("2.5")),
        ("special", ")"),
    ]
    assert tokenize(src).diagnostics == ()
