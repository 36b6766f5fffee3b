"""Literate scripts (Report §10.4): both styles, positions kept, the Report's errors."""

from __future__ import annotations

from ifacedir.diagnostics import Diagnostic
from ifacedir.parse.lexer import lex
from ifacedir.parse.literate import is_literate_path, unlit
from ifacedir.syntax.span import SrcLoc


def show(d: Diagnostic) -> tuple[str, str]:
    return d.code, f"{d.span.start}-{d.span.end}"


def test_bird_tracks_become_spaces_and_comments_blank_lines() -> None:
    script = "Some text.\n\n> f x = x\n>   where y = 1\n\nMore text.\n"
    result = unlit(script, "A.lhs")
    assert result.source == "\n\n  f x = x\n    where y = 1\n\n\n"
    assert result.diagnostics == ()


def test_positions_are_those_of_the_script() -> None:
    script = "Intro.\n\n> main = print 1\n\n>  -- indented\n> x = 2\n"
    tokens = lex(unlit(script, "A.lhs").source, "A.lhs")
    assert [(t.text, t.span.start) for t in tokens[:-1]] == [
        ("main", SrcLoc(3, 3)),
        ("=", SrcLoc(3, 8)),
        ("print", SrcLoc(3, 10)),
        ("1", SrcLoc(3, 16)),
        ("x", SrcLoc(6, 3)),
        ("=", SrcLoc(6, 5)),
        ("2", SrcLoc(6, 7)),
    ]


def test_program_line_next_to_comment_is_an_error() -> None:
    script = "text above\n> f = 1\n\n> g = 2\ntext below\n"
    result = unlit(script, "A.lhs")
    assert [show(d) for d in result.diagnostics] == [("L101", "2:1-2:8"), ("L101", "4:1-4:8")]
    assert "line above" in result.diagnostics[0].message
    assert "line below" in result.diagnostics[1].message


def test_white_space_only_lines_count_as_blank() -> None:
    script = "text\n \t \n> f = 1\n   \ntext\n"
    assert unlit(script, "A.lhs").diagnostics == ()


def test_latex_style() -> None:
    script = (
        "\\documentclass{article}\n"
        "\\begin{code}\n"
        "main = print 1\n"
        "  where x = 2\n"
        "\\end{code}\n"
        "text\n"
    )
    result = unlit(script, "A.lhs")
    assert result.source == "\n\nmain = print 1\n  where x = 2\n\n\n"
    assert result.diagnostics == ()


def test_latex_code_may_touch_text_and_hold_greater_than_signs() -> None:
    script = "text\n\\begin{code}\n> not a bird track\n\\end{code}\ntext"
    result = unlit(script, "A.lhs")
    assert result.source == "\n\n> not a bird track\n\n"
    assert result.diagnostics == ()


def test_bird_track_next_to_code_delimiters_is_fine() -> None:
    script = "\\begin{code}\nf = 1\n\\end{code}\n> g = 2\n"
    assert unlit(script, "A.lhs").diagnostics == ()


def test_unclosed_and_stray_code_delimiters() -> None:
    assert [
        show(d) for d in unlit("\\end{code}\n\n\\begin{code}\nx = 1\n", "A.lhs").diagnostics
    ] == [
        ("L103", "1:1-1:11"),
        ("L102", "3:1-3:13"),
    ]


def test_line_terminators_are_kept() -> None:
    assert unlit("text\r\n\r\n> x = 1\r\n", "A.lhs").source == "\r\n\r\n  x = 1\r\n"
    assert unlit("> x\r> y", "A.lhs").source == "  x\r  y"


def test_literate_paths() -> None:
    assert is_literate_path("src/Data/Queue.lhs")
    assert not is_literate_path("src/Data/Queue.hs")
