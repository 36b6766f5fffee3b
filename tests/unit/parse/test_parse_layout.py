"""The layout rule (Report §10.3): annotations, algorithm L, and the parser's hook."""

from __future__ import annotations

import pytest
from layout_toy_parser import ToyParseError, ToyParser, braced, parse

from ifacedir.parse.layout import LayoutStream, annotate, resolve_by_indentation
from ifacedir.parse.lexer import TokenKind, lex
from ifacedir.syntax.span import SrcLoc

K = TokenKind
VIRTUAL = (K.VLBRACE, K.VSEMI, K.VRBRACE)


def by_indentation(src: str) -> str:
    return braced(resolve_by_indentation(lex(src)))


def explicit(src: str) -> str:
    """An explicitly braced program as text; it must need no layout at all."""
    tokens = resolve_by_indentation(lex(src))
    assert not [t for t in tokens if t.kind in VIRTUAL]
    return braced(tokens)


# -- step 1: annotations ------------------------------------------------------------


def test_annotations() -> None:
    src = "f x = do\n  a\n  b where c = 1\ng = let\n      y = 2 in y"
    shown = [(a.token.text, a.block, a.line) for a in annotate(lex(src))]
    assert shown == [
        ("f", 1, None),  # the first token of a module without a header
        ("x", None, None),
        ("=", None, None),
        ("do", None, None),
        ("a", 3, None),  # after `do`: {n}, and so no <n>
        ("b", None, 3),  # first on its line: <n>
        ("where", None, None),
        ("c", 11, None),
        ("=", None, None),
        ("1", None, None),
        ("g", None, 1),
        ("=", None, None),
        ("let", None, None),
        ("y", 7, None),
        ("=", None, None),
        ("2", None, None),
        ("in", None, None),
        ("y", None, None),
        ("", None, None),
    ]


def test_annotations_of_module_header_and_explicit_braces() -> None:
    shown = [(a.token.text, a.block, a.line) for a in annotate(lex("module M where { x }"))]
    assert shown == [
        ("module", None, 1),
        ("M", None, None),
        ("where", None, None),
        ("{", None, None),
        ("x", None, None),
        ("}", None, None),
        ("", None, None),
    ]


def test_block_at_end_of_file_gets_zero() -> None:
    assert [(a.block, a.line) for a in annotate(lex("module M where"))][-1] == (0, None)


def test_token_after_a_multi_line_string_is_not_first_on_its_line() -> None:
    # The string ends on line 3; `x` follows it there, at the do block's column, and
    # would get a semicolon if it were taken to start line 3 (§10.3, §2.6).
    src = 'f = do\n  g "a\\\n\\"x'
    assert [a.line for a in annotate(lex(src)) if a.token.text == "x"] == [None]
    assert by_indentation(src) == '{ f = do { g "a\\\n\\" x } }'


# -- step 2: algorithm L with indentation alone -------------------------------------


def test_module_without_header() -> None:
    assert by_indentation("x = 1\ny = 2\n") == "{ x = 1 ; y = 2 }"


def test_module_with_header() -> None:
    assert by_indentation("module M (x) where\nx = 1\ny = 2") == (
        "module M ( x ) where { x = 1 ; y = 2 }"
    )


def test_continuation_lines_and_operators_indented_more() -> None:
    assert by_indentation("x = 1\n  + 2\n    * 3\ny = 4") == "{ x = 1 + 2 * 3 ; y = 4 }"


def test_nested_where_let_case_do() -> None:
    src = (
        "module M where\n"
        "f x = case x of\n"
        "  Just y -> do\n"
        "    let z = y\n"
        "        w = z\n"
        "    print w\n"
        "  Nothing -> g\n"
        "  where g = h\n"
        "          where h = 1\n"
        "main = f Nothing\n"
    )
    assert by_indentation(src) == (
        "module M where { f x = case x of { Just y -> do { let { z = y ; w = z } ; "
        "print w } ; Nothing -> g ; where { g = h where { h = 1 } } } ; main = f Nothing }"
    )


def test_empty_block_when_not_indented_more_notes_1_and_2() -> None:
    assert by_indentation("f = x where\ng = 1") == "{ f = x where { } ; g = 1 }"
    assert by_indentation("f = do\nx = 1") == "{ f = do { } ; x = 1 }"


def test_end_of_file_closes_every_implicit_block_note_6() -> None:
    assert by_indentation("f = do\n  let x = 1\n      y = 2") == (
        "{ f = do { let { x = 1 ; y = 2 } } }"
    )
    assert by_indentation("class C a where") == "{ class C a where { } }"


def test_empty_file_is_an_empty_module() -> None:
    assert by_indentation("") == "{ }"
    assert by_indentation("-- only a comment\n") == "{ }"


def test_whole_module_in_explicit_braces() -> None:
    src = "module M where {\nx = 1 ;\n   y = do { a ; b }\n; z = 3 }"
    assert explicit(src) == "module M where { x = 1 ; y = do { a ; b } ; z = 3 }"
    assert explicit("{ x = 1\n; y = 2 }") == "{ x = 1 ; y = 2 }"


def test_explicit_braces_and_semicolons_mixed_with_layout() -> None:
    src = "f = do { a ; b }\ng = let { x = 1 ; y = 2 } in x\nh = do a; b\n       c"
    assert by_indentation(src) == (
        "{ f = do { a ; b } ; g = let { x = 1 ; y = 2 } in x ; h = do { a ; b ; c } }"
    )


def test_layout_inside_explicit_braces() -> None:
    src = "module M where { f = do\n    a\n    b\n ; g = 1 }"
    assert by_indentation(src) == "module M where { f = do { a ; b } ; g = 1 }"


def test_lines_inside_explicit_braces_get_no_semicolons() -> None:
    assert explicit("{ f = g {\nx = 1\n}\n}") == "{ f = g { x = 1 } }"


# -- Note 5: the parser's parse-error(t) hook ---------------------------------------


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("f x = let y = x in y", "{ f x = let { y = x } in y }"),
        ("g = let a = 1; b = 2 in a + b", "{ g = let { a = 1 ; b = 2 } in a + b }"),
        ("h = (case x of y -> y)", "{ h = ( case x of { y -> y } ) }"),
        (
            "k = (case a of b -> case b of c -> c)",
            "{ k = ( case a of { b -> case b of { c -> c } } ) }",
        ),
        ("l = [e | let y = x, p y]", "{ l = [ e | let { y = x } , p y ] }"),
        ("m = (do a; b, c)", "{ m = ( do { a ; b } , c ) }"),
        ("n = let x = let y = 1 in y in x", "{ n = let { x = let { y = 1 } in y } in x }"),
        ("o = let x = let { y = 1 } in y in x", "{ o = let { x = let { y = 1 } in y } in x }"),
    ],
)
def test_implicit_blocks_closed_by_a_parse_error(src: str, expected: str) -> None:
    assert parse(src) == expected


def test_operator_at_the_start_of_a_do_line_closes_the_block() -> None:
    # `>>` at the block's column gets a semicolon (§10.3), and then cannot start a
    # statement, so Note 5 closes the block: (do { print 1 ; }) >> print 2.
    src = "main = do\n  print 1\n  >> print 2"
    assert parse(src) == "{ main = do { print 1 ; } >> print 2 }"


def test_where_after_a_do_block_closes_it() -> None:
    src = "f = do\n  a\n  b\n  where c = 1\ng = 2"
    assert parse(src) == "{ f = do { a ; b ; } where { c = 1 } ; g = 2 }"


def test_explicit_close_brace_closes_an_implicit_block_like_ghc() -> None:
    # Note [The parser drives the layout stream], point 3.
    assert parse("f = do { case x of y -> y }") == "{ f = do { case x of { y -> y } } }"


def test_the_reports_example() -> None:
    # Report §10.3, the AStack module and its translation with explicit braces.
    laid_out = (
        "module AStack( Stack, push, pop, top, size ) where\n"
        "data Stack a = Empty\n"
        "             | MkStack a (Stack a)\n"
        "\n"
        "push :: a -> Stack a -> Stack a\n"
        "push x s = MkStack x s\n"
        "\n"
        "size :: Stack a -> Int\n"
        "size s = length (stkToLst s)  where\n"
        "           stkToLst  Empty         = []\n"
        "           stkToLst (MkStack x s)  = x:xs where xs = stkToLst s\n"
        "\n"
        "pop :: Stack a -> (a, Stack a)\n"
        "pop (MkStack x s)\n"
        "  = (x, case s of r -> i r where i x = x) -- (pop Empty) is an error\n"
        "\n"
        "top :: Stack a -> a\n"
        "top (MkStack x s) = x                     -- (top Empty) is an error\n"
    )
    braces = (
        "module AStack( Stack, push, pop, top, size ) where\n"
        "{data Stack a = Empty\n"
        "             | MkStack a (Stack a)\n"
        ";push :: a -> Stack a -> Stack a\n"
        ";push x s = MkStack x s\n"
        ";size :: Stack a -> Int\n"
        ";size s = length (stkToLst s)  where\n"
        "           {stkToLst  Empty         = []\n"
        "           ;stkToLst (MkStack x s)  = x:xs where {xs = stkToLst s\n"
        "}};pop :: Stack a -> (a, Stack a)\n"
        ";pop (MkStack x s)\n"
        "  = (x, case s of {r -> i r where {i x = x}}) -- (pop Empty) is an error\n"
        ";top :: Stack a -> a\n"
        ";top (MkStack x s) = x                        -- (top Empty) is an error\n"
        "}\n"
    )
    assert parse(laid_out) == explicit(braces) == parse(braces)


def test_genuine_parse_error_is_not_hidden() -> None:
    with pytest.raises(ToyParseError) as info:
        parse("f = (a ; b)")  # `;` inside parentheses, no implicit block to close
    assert info.value.token.text == ";"


# -- the stream's contract, directly ------------------------------------------------


def test_close_implicit_block_refuses_in_explicit_context() -> None:
    stream = LayoutStream(lex("{ x ) }"))
    assert [stream.next().text for _ in range(2)] == ["{", "x"]
    assert stream.peek().text == ")"
    assert stream.close_implicit_block() is False
    assert stream.contexts == (0,)


def test_close_implicit_block_only_before_a_real_token() -> None:
    stream = LayoutStream(lex("f = do\n  a\n  b"))
    while stream.peek().kind is not K.VSEMI:
        stream.next()
    assert stream.close_implicit_block() is False  # the parser is looking at a `;`
    stream.next()
    assert stream.peek().text == "b"
    assert stream.close_implicit_block() is True
    assert stream.peek().kind is K.VRBRACE
    assert stream.close_implicit_block() is False  # now it is looking at the `}`
    assert [stream.next().kind for _ in range(4)] == [K.VRBRACE, K.VARID, K.VRBRACE, K.EOF]


def test_eof_repeats() -> None:
    stream = LayoutStream(lex("x"))
    assert [stream.next().kind for _ in range(5)] == [
        K.VLBRACE,
        K.VARID,
        K.VRBRACE,
        K.EOF,
        K.EOF,
    ]


def test_explicit_close_brace_with_implicit_block_open_is_l201() -> None:
    stream = LayoutStream(lex("f = do a }"))
    kinds = [stream.next().kind for _ in range(7)]
    assert kinds[-1] is K.SPECIAL
    assert [(d.code, str(d.span.start)) for d in stream.diagnostics] == [("L201", "1:10")]


def test_mark_and_reset() -> None:
    stream = LayoutStream(lex("f = let x = 1 in x"))
    for _ in range(5):
        stream.next()
    mark = stream.mark()
    ahead = [stream.next().text for _ in range(3)]
    assert stream.close_implicit_block()
    stream.reset(mark)
    assert [stream.next().text for _ in range(3)] == ahead == ["x", "=", "1"]
    assert stream.contexts == (1, 9)


def test_virtual_token_spans() -> None:
    tokens = resolve_by_indentation(lex("f = do\n  a\n  bc\n\ng = 1"))
    shown = [(t.kind, t.span.start, t.span.end) for t in tokens if t.kind in VIRTUAL]
    assert shown == [
        (K.VLBRACE, SrcLoc(1, 1), SrcLoc(1, 1)),  # at the start of the next token
        (K.VLBRACE, SrcLoc(2, 3), SrcLoc(2, 3)),
        (K.VSEMI, SrcLoc(3, 3), SrcLoc(3, 3)),
        (K.VRBRACE, SrcLoc(3, 5), SrcLoc(3, 5)),  # at the end of the previous token
        (K.VSEMI, SrcLoc(5, 1), SrcLoc(5, 1)),
        (K.VRBRACE, SrcLoc(5, 6), SrcLoc(5, 6)),
    ]


def test_stream_needs_eof() -> None:
    with pytest.raises(ValueError, match="EOF"):
        LayoutStream(lex("x")[:-1])


def test_toy_parser_sees_every_token() -> None:
    tokens = lex("f = do\n  a")
    consumed = ToyParser(LayoutStream(tokens)).parse_module()
    assert [t for t in consumed if t.kind not in VIRTUAL] == tokens[:-1]


def test_then_and_else_at_the_do_column_get_semicolons() -> None:
    # The grammar allows them (`if exp [;] then exp [;] else exp`, §3.6); see point 6 of
    # Note [The parser drives the layout stream].
    assert by_indentation("f = do\n  if c\n  then a\n  else b") == (
        "{ f = do { if c ; then a ; else b } }"
    )
