"""Lexical errors: the right code, the exact span, and every error in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from ifacedir.diagnostics import Diagnostic, SourceError, render
from ifacedir.parse.lexer import TokenKind, lex, tokenize


def errors(src: str) -> list[tuple[str, str, str]]:
    """(code, span as ``line:col-line:col`` with an exclusive end, message) per error."""
    return [_show(d) for d in tokenize(src, "E.hs").diagnostics]


def _show(d: Diagnostic) -> tuple[str, str, str]:
    return (d.code, f"{d.span.start}-{d.span.end}", d.message)


def codes_and_spans(src: str) -> list[tuple[str, str]]:
    return [(code, span) for code, span, _ in errors(src)]


def test_unterminated_string_is_reported_at_the_end_of_its_line() -> None:
    # As GHC does (tests/parse_errors/001); a note says where the string starts.
    (d,) = tokenize('x = "abc\ny = 1', "E.hs").diagnostics
    assert _show(d) == ("L001", "1:9-1:9", "unterminated string literal")
    assert d.notes == ("it starts at 1:5",)


def test_unterminated_string_at_end_of_file() -> None:
    assert codes_and_spans('main = print "oops') == [("L001", "1:19-1:19")]


def test_unterminated_string_still_lexes_the_next_line() -> None:
    result = tokenize('x = "abc\ny = 1')
    assert [t.text for t in result.tokens] == ["x", "=", '"abc', "y", "=", "1", ""]


def test_unterminated_string_gap() -> None:
    # The gap never reaches a closing backslash, so the string ends at the end of the
    # line; the quote on the next line then opens another string.
    assert codes_and_spans('"abc\\   \n  def"') == [("L001", "1:9-1:9"), ("L001", "2:7-2:7")]


def test_backslash_at_the_end_of_an_unterminated_string() -> None:
    result = tokenize('s = "abc\\\nt = 1')
    assert codes_and_spans('s = "abc\\\nt = 1') == [("L001", "1:10-1:10")]
    assert [t.text for t in result.tokens] == ["s", "=", '"abc\\', "t", "=", "1", ""]


def test_string_gap_without_closing_backslash() -> None:
    # Reported at the first character that is not white space (tests/parse_errors/008).
    assert errors('"abc\\   def"') == [("L004", "1:9-1:10", "string gap not closed by a backslash")]


def test_unterminated_block_comment_is_reported_at_its_opening() -> None:
    (d,) = tokenize("a\n  {- {- -}\n b", "E.hs").diagnostics
    assert _show(d) == ("L002", "2:3-2:5", "unterminated block comment")
    assert d.notes == ("1 nested comment(s) still open at the end of the file",)


def test_unterminated_character() -> None:
    assert errors("c = 'a\n") == [("L003", "1:5-1:7", "unterminated character literal")]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("''", [("L007", "1:1-1:3", "character literal empty")]),
        ("'ab'", [("L007", "1:1-1:5", "character literal holds 2 characters")]),
        ("'\\&'", [("L004", "1:2-1:4", "'\\&' is not allowed in a character literal")]),
        (
            "'\\ \\'",
            [("L004", "1:2-1:5", "a string gap is not allowed in a character literal")],
        ),
    ],
)
def test_malformed_characters(src: str, expected: list[tuple[str, str, str]]) -> None:
    assert errors(src) == expected


@pytest.mark.parametrize(
    ("src", "span", "message"),
    [
        ('"\\q"', "1:3-1:4", "invalid escape sequence '\\q'"),
        ('"\\^a"', "1:3-1:4", "invalid escape sequence '\\^'"),
        ('"\\xg"', "1:3-1:4", "invalid escape sequence '\\x'"),
        ('"\\o8"', "1:3-1:4", "invalid escape sequence '\\o'"),
        ('"\\S"', "1:3-1:4", "invalid escape sequence '\\S'"),
        ("'\\q'", "1:3-1:4", "invalid escape sequence '\\q'"),
    ],
)
def test_invalid_escapes(src: str, span: str, message: str) -> None:
    # At the character after the backslash, as GHC reports (tests/parse_errors/005).
    assert errors(src) == [("L004", span, message)]


@pytest.mark.parametrize(
    ("escape", "column"),
    [("\\1114112", 9), ("\\x110000", 9), ("\\o4200000", 10), ("\\99999999999", 9)],
)
def test_numeric_escape_out_of_range(escape: str, column: int) -> None:
    # At the digit that takes the code out of range (tests/parse_errors/006).
    (d,) = tokenize(f'"{escape}"').diagnostics
    assert (d.code, d.span.start.col, d.span.end.col) == ("L005", column, 2 + len(escape))


@pytest.mark.parametrize(
    ("src", "span"),
    [('"a\tb"', "1:3-1:9"), ('"a\x01b"', "1:3-1:4"), ("'\x7f'", "1:2-1:3")],
)
def test_raw_control_characters_in_literals(src: str, span: str) -> None:
    # A literal tab is not `graphic` (§2.6); the span ends at the next tab stop.
    assert codes_and_spans(src) == [("L008", span)]


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("a \x01 b", "illegal character '\\x01' (U+0001)"),
        ("a « b", "illegal character '«' (U+00AB)"),
        ("a ١ b", "illegal character '١' (U+0661)"),
    ],
)
def test_illegal_characters(src: str, message: str) -> None:
    assert errors(src) == [("L006", "1:3-1:4", message)]


@pytest.mark.parametrize("src", ["M...", "M.->", "M.::", "M.--", "M.=", "Data.Map.:"])
def test_qualified_reserved_operators(src: str) -> None:
    result = tokenize(src)
    ((code, _, _),) = [_show(d) for d in result.diagnostics]
    assert code == "L009"
    assert result.tokens[0].kind in (TokenKind.QVARSYM, TokenKind.QCONSYM)


def test_malformed_source_pragma() -> None:
    result = tokenize("import {-# SOURCE junk #-} A")
    assert [_show(d) for d in result.diagnostics] == [
        ("L010", "1:8-1:18", "malformed SOURCE pragma")
    ]
    assert [t.text for t in result.tokens] == ["import", "A", ""]


def test_every_error_is_reported_in_one_run() -> None:
    src = 'a = "one\nb = \'\\q\'\nc = \x02\nd = "\\1114112"\ne = {- open'
    assert codes_and_spans(src) == [
        ("L001", "1:9-1:9"),
        ("L004", "2:7-2:8"),
        ("L006", "3:5-3:6"),
        ("L005", "4:13-4:14"),
        ("L002", "5:5-5:7"),
    ]


def test_lex_raises_with_all_diagnostics() -> None:
    with pytest.raises(SourceError) as info:
        lex('x = "a\ny = \x01', "E.hs")
    assert [d.code for d in info.value.diagnostics] == ["L001", "L006"]
    assert str(info.value) == "E.hs:1:7: error: [L001] unterminated string literal (and 1 more)"


def test_error_renders_with_caret_under_the_span() -> None:
    src = 'main = do\n\tputStrLn "hi\n'
    (d,) = tokenize(src, "Main.hs").diagnostics
    assert render(d, src) == (
        "Main.hs:2:21: error: [L001] unterminated string literal\n"
        "  |\n"
        '2 |         putStrLn "hi\n'
        "  |                     ^\n"
        "  note: it starts at 2:18"
    )


# -- agreement with GHC's locations (tests/parse_errors, recorded with GHC 9.0.2) ------

CORPUS = Path(__file__).resolve().parents[2] / "parse_errors"
# 001-013 are the lexical errors (tests/parse_errors/README.md).
LEXICAL_CASES = sorted(p for p in CORPUS.glob("*.hs") if int(p.name[:3]) <= 13)


@pytest.mark.parametrize("case", LEXICAL_CASES, ids=lambda p: p.stem)
def test_first_error_is_where_ghc_reports_it(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    (location,) = [
        line.split(": ", 1)[1] for line in expected.splitlines() if line.startswith("location: ")
    ]
    diagnostics = tokenize(case.read_text(encoding="utf-8"), case.name).diagnostics
    assert diagnostics, "GHC rejects this file, so must the lexer"
    start = diagnostics[0].span.start
    assert f"{case.name}:{start.line}:{start.col}" == location
