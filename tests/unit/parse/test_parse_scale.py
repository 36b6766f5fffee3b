"""Big and deep inputs: no recursion limit, no quadratic blow-up (DESIGN: robustness)."""

from __future__ import annotations

import time

from ifacedir.parse.layout import resolve_by_indentation
from ifacedir.parse.lexer import TokenKind, lex, tokenize
from ifacedir.syntax.span import SrcLoc

# Generous bounds: they catch a quadratic algorithm, not a slow machine.
LEX_SECONDS = 20.0


def _module(lines: int) -> str:
    """A module of about ``lines`` lines mixing the constructs of the subset."""
    out = ["module Big (main) where", "", "import qualified Data.List as L", ""]
    chunk = [
        "-- | function {i}",
        "f{i} :: Int -> [Char] -> Maybe Int",
        "f{i} n s = case n of",
        "  0 -> Nothing",
        "  m | m > {i} -> Just (m * 2 + 0x1F)",
        "    | otherwise -> let k = m `div` 2 in Just k",
        "  where helper = L.foldr (\\c a -> a + fromEnum c) 0 s {{- nested {{- -}} -}}",
        "\tstr = \"line {i}\\n\\tend\" ++ ['a', '\\'']",
        "g{i} = do",
        "  x <- return 1.5e-3",
        "  print x",
    ]
    i = 0
    while len(out) < lines:
        out.extend(line.format(i=i) for line in chunk)
        i += 1
    return "\n".join(out[:lines]) + "\n"


def test_fifty_thousand_lines() -> None:
    src = _module(50_000)
    began = time.perf_counter()
    result = tokenize(src, "Big.hs")
    laid_out = resolve_by_indentation(list(result.tokens))
    elapsed = time.perf_counter() - began
    assert result.diagnostics == ()
    assert result.tokens[-1].span.start == SrcLoc(50_001, 1)
    assert len(laid_out) > len(result.tokens)
    assert elapsed < LEX_SECONDS, f"lexing and layout took {elapsed:.1f}s"


def test_deeply_nested_comment() -> None:
    depth = 5_000
    assert [t.text for t in lex("a " + "{-" * depth + " x " + "-}" * depth + " b")] == [
        "a",
        "b",
        "",
    ]


def test_deeply_nested_unterminated_comment() -> None:
    (d,) = tokenize("{-" * 5_000 + "-}").diagnostics
    assert d.code == "L002"
    assert d.notes == ("4999 nested comment(s) still open at the end of the file",)


def test_deeply_nested_layout_blocks() -> None:
    depth = 2_000
    src = "f = " + "".join(f"do\n{' ' * (i + 1)}" for i in range(depth)) + "x"
    tokens = resolve_by_indentation(lex(src))
    kinds = [t.kind for t in tokens]
    assert kinds.count(TokenKind.VLBRACE) == depth + 1
    assert kinds.count(TokenKind.VRBRACE) == depth + 1


def test_deeply_nested_brackets_and_long_lines() -> None:
    depth = 20_000
    tokens = lex("x = " + "(" * depth + "1" + ")" * depth)
    assert len(tokens) == 2 * depth + 4
    tabbed = lex("a\t" * 20_000)
    assert tabbed[-2].span.start == SrcLoc(1, 8 * 19_999 + 1)


def test_long_string_and_huge_number() -> None:
    body = "ab\\n" * 50_000
    (string, _eof) = lex(f'"{body}"')
    assert string.value == "ab\n" * 50_000
    (number, _eof) = lex("9" * 20_000)
    assert number.value == 10**20_000 - 1
