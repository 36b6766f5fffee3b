"""Source spans and the GHC-style diagnostic renderer."""

from __future__ import annotations

import re

import pytest

from ifacedir.diagnostics import (
    ERROR_CODES,
    Diagnostic,
    Severity,
    SourceError,
    error,
    has_errors,
    render,
    render_all,
)
from ifacedir.syntax.span import Located, SrcLoc, SrcSpan, next_tab_stop


def span(l1: int, c1: int, l2: int, c2: int, file: str = "A.hs") -> SrcSpan:
    return SrcSpan(file, SrcLoc(l1, c1), SrcLoc(l2, c2))


# -- spans --------------------------------------------------------------------------


def test_locations_order_by_line_then_column() -> None:
    assert SrcLoc(1, 9) < SrcLoc(2, 1) < SrcLoc(2, 3)
    assert sorted([span(2, 1, 2, 2), span(1, 5, 1, 6), span(1, 5, 1, 5)]) == [
        span(1, 5, 1, 5),
        span(1, 5, 1, 6),
        span(2, 1, 2, 2),
    ]


def test_merge() -> None:
    a, b = span(1, 5, 1, 8), span(3, 2, 3, 4)
    assert a.merge(b) == b.merge(a) == span(1, 5, 3, 4)
    assert a.merge(span(1, 6, 1, 7)) == a
    with pytest.raises(ValueError, match="cannot merge"):
        a.merge(span(1, 1, 1, 2, file="B.hs"))


def test_span_text_is_ghcs() -> None:
    assert str(span(3, 5, 3, 6)) == "A.hs:3:5"
    assert str(span(3, 5, 3, 5)) == "A.hs:3:5"
    assert str(span(3, 5, 3, 9)) == "A.hs:3:5-8"
    assert str(span(3, 5, 4, 3)) == "A.hs:(3,5)-(4,2)"


def test_points_and_located() -> None:
    point = SrcSpan.point("A.hs", SrcLoc(2, 4))
    assert point.is_empty and not span(1, 1, 1, 2).is_empty
    assert Located(point, "x").value == "x"


@pytest.mark.parametrize(("col", "stop"), [(1, 9), (2, 9), (8, 9), (9, 17), (16, 17), (17, 25)])
def test_tab_stops(col: int, stop: int) -> None:
    assert next_tab_stop(col) == stop


# -- diagnostics --------------------------------------------------------------------


def test_error_codes_registry() -> None:
    assert all(re.fullmatch(r"[DLPRT][0-9]{3}", code) for code in ERROR_CODES)
    assert all(summary and "\n" not in summary for summary in ERROR_CODES.values())
    with pytest.raises(ValueError, match="unregistered"):
        Diagnostic("X999", Severity.ERROR, span(1, 1, 1, 2), "nope")


def test_has_errors() -> None:
    warning = Diagnostic("L006", Severity.WARNING, span(1, 1, 1, 2), "w")
    assert not has_errors([warning])
    assert has_errors([warning, error("L006", span(1, 1, 1, 2), "e")])


def test_render_with_source() -> None:
    d = error("L006", span(2, 7, 2, 8), "illegal character", "a note", "another")
    assert render(d, "module M where\nx = 1 \x07 2\n") == (
        "A.hs:2:7: error: [L006] illegal character\n"
        "  |\n"
        "2 | x = 1 \x07 2\n"
        "  |       ^\n"
        "  note: a note\n"
        "  note: another"
    )


def test_render_without_source_or_line() -> None:
    d = error("L001", span(7, 3, 7, 9), "unterminated string literal")
    assert render(d) == "A.hs:7:3: error: [L001] unterminated string literal"
    assert render(d, "only one line") == render(d)


def test_render_underlines_the_span_and_expands_tabs() -> None:
    d = error("L004", span(1, 10, 1, 14), "bad")
    assert render(d, "\tx = \\qqq").splitlines()[2:] == [
        "1 |         x = \\qqq",
        "  |          ^^^^",
    ]


def test_render_multi_line_span_underlines_to_the_end_of_the_first_line() -> None:
    d = error("L001", span(1, 5, 3, 2), "bad")
    assert render(d, 'x = "ab\\\n\n\\"').splitlines()[-1] == "  |     ^^^^"


def test_render_zero_width_span_at_end_of_line() -> None:
    d = error("L001", span(10, 4, 10, 4), "bad")
    source = "\n" * 9 + "abc\r\nnext"
    assert render(d, source).splitlines()[1:] == ["   |", "10 | abc", "   |    ^"]


def test_render_all_sorts_and_uses_each_files_source() -> None:
    b = error("L006", span(1, 1, 1, 2, file="B.hs"), "in B")
    a2 = error("L006", span(2, 1, 2, 2), "second in A")
    a1 = error("L006", span(1, 3, 1, 4), "first in A")
    text = render_all([b, a2, a1], {"A.hs": "ab?\n!"})
    headers = [line for line in text.splitlines() if ": error: " in line]
    assert headers == [
        "A.hs:1:3: error: [L006] first in A",
        "A.hs:2:1: error: [L006] second in A",
        "B.hs:1:1: error: [L006] in B",
    ]
    assert text.count("\n\n") == 2
    assert text.splitlines()[-1] == "B.hs:1:1: error: [L006] in B"


def test_source_error_carries_every_diagnostic() -> None:
    one = error("L006", span(1, 1, 1, 2), "only")
    assert str(SourceError([one])) == "A.hs:1:1: error: [L006] only"
    err = SourceError([one, one])
    assert err.diagnostics == (one, one)
    assert str(err).endswith("(and 1 more)")


def test_a_long_line_is_quoted_around_the_caret() -> None:
    line = "x = " + "a + " * 5000 + "@"
    col = len(line)
    d = Diagnostic("L006", Severity.ERROR, span(1, col, 1, col + 1), "bad")
    quoted, caret = render(d, line + "\n").splitlines()[2:4]
    assert len(quoted) < 140 and quoted.startswith("1 | ...") and quoted.endswith("@")
    assert caret.index("^") == quoted.index("@")
