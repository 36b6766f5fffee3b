"""Parse errors: codes, messages and locations; constructs outside the subset; recovery
at top-level declarations; and no traceback or endless loop on any input."""

from __future__ import annotations

import random

import pytest
from parse_helpers import diagnostics

from ifacedir.diagnostics import ERROR_CODES, SourceError
from ifacedir.parse.parser import parse_module, parse_module_diagnostics


def first(src: str) -> tuple[str, str, str]:
    found = diagnostics(src)
    assert found, f"accepted: {src!r}"
    d = found[0]
    return d.code, str(d.span.start), d.message


def test_parser_codes_are_registered() -> None:
    codes = [c for c in ERROR_CODES if c.startswith("P")]
    assert codes == [f"P{n:03}" for n in range(1, len(codes) + 1)]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("x = 1 + 2)\n", ("P001", "1:10", "parse error on input ‘)’")),
        (
            "x = (1 + 2\n\ny = 3\n",
            ("P004", "3:1", "parse error (possibly incorrect indentation or mismatched brackets)"),
        ),
        ("f = do\n\ng = 1\n", ("P005", "1:5", "empty 'do' block")),
        (
            "main = do\n  x <- getLine\n",
            ("P006", "2:3", "the last statement in a 'do' block must be an expression"),
        ),
        ("infixl 10 +++\n", ("P007", "1:8", "precedence out of range: 10")),
        ("M.f = 1\n", ("P008", "1:1", "qualified name in binding position: M.f")),
        ("x M.+ y = 1\n", ("P008", "1:3", "qualified name in binding position: M.+")),
        (
            "f (n + 1) = n\n",
            ("P009", "1:4", "parse error in pattern (n+k patterns and variable operators)"),
        ),
        ("f x :: Int\n", ("P010", "1:1", "invalid type signature")),
        ("M.f :: Int\n", ("P010", "1:1", "invalid type signature: M.f :: ...")),
        ("main = do\n    a\n  b\n", ("P011", "1:8", "unexpected do block in function application")),
        (
            "f = g \\x -> x\n",
            ("P011", "1:7", "unexpected lambda expression in function application"),
        ),
        (
            "f = g case x of y -> y\n",
            ("P011", "1:7", "unexpected case expression in function application"),
        ),
        (
            "f = (case x of y -> y) case\n",
            ("P011", "1:24", "unexpected case expression in function application"),
        ),
        ("class C Int\n", ("P012", "1:7", "malformed class declaration head")),
        (
            "f :: (Int a) => a\ng :: C => a\n",
            ("P012", "2:6", "malformed class assertion in a context"),
        ),
        ("data [a] = N\n", ("P013", "1:6", "malformed head of a type declaration")),
        (
            "newtype T = T Int Int\n",
            ("P013", "1:1", "a newtype must have one constructor with one field"),
        ),
        (
            "data T = \n",
            ("P004", "2:1", "parse error (possibly incorrect indentation or mismatched brackets)"),
        ),
        ("f = _\n", ("P001", "1:5", "parse error on input ‘_’")),
        # Located where GHC 9.0.2 reports them: the `!`, the opening parenthesis.
        ("f !x = x\n", ("P002", "1:3", "unsupported: bang pattern")),
        ("x = (1,)\n", ("P002", "1:5", "unsupported: tuple section (TupleSections)")),
    ],
)
def test_error_code_location_message(src: str, expected: tuple[str, str, str]) -> None:
    assert first(src) == expected


@pytest.mark.parametrize(
    ("src", "feature"),
    [
        ("f :: forall a. a -> a\n", "explicit forall"),
        ("class C a b where\n  m :: a -> b\n", "multi-parameter type class"),
        ("instance C a b\n", "multi-parameter type class instance"),
        ("f :: (C a b) => a\n", "multi-parameter type class in a context"),
        ("instance C (Maybe Int)\n", "instance type other than"),
        ("data Eq a => T a = T a\n", "datatype context"),
        ("f !x = x\n", "bang pattern"),
        ("f = \\ !x -> x\n", "bang pattern"),
        ("f x = case x of {}\n", "EmptyCase"),
        ("foreign export ccall f :: Int\n", "foreign export"),
        ('foreign import ccall "sin" c_sin :: Double -> Double\n', "calling convention ccall"),
        ("{-# LANGUAGE MagicHash #-}\nx = 1\n", "language extension MagicHash"),
        ("f = (,1)\n", "tuple section"),
        ("f = (1,)\n", "tuple section"),
        ("f = \\case\n  x -> x\n", "lambda-case"),
        ("f = if | a -> b\n", "multi-way if"),
        ("f = [| x |]\n", "Template Haskell quotation"),
    ],
)
def test_unsupported_features(src: str, feature: str) -> None:
    code, _, message = first(src)
    assert code == "P002"
    assert message.startswith("unsupported: ")
    assert feature in message


@pytest.mark.parametrize(
    "src",
    [
        "data T where\n  A :: T\n",  # GADT syntax
        "f = \\case\n  x -> x\n",  # LambdaCase
        "f (g -> x) = x\n",  # view pattern
        "f = [| x |]\n",  # Template Haskell quote
        "f = $(x)\n",  # Template Haskell splice
        "f = mdo\n  x <- g\n  return x\n",  # RecursiveDo: mdo is a variable in Haskell 2010
        "f C{..} = 1\n",  # RecordWildCards
        "f :: (a :: *) -> a\n",  # kind signature
        "data a :*: b = a :*: b\n",  # type operator
        "f = (,1)\n",  # tuple section
        "x = \\x x + 1\n",  # lambda without arrow
        "f = let x = 1\n",  # let without in
        "f = if a then b\n",  # if without else
        "module M where\nx = 1\nimport A\n",  # import after a declaration
    ],
)
def test_outside_the_subset_is_rejected(src: str) -> None:
    with pytest.raises(SourceError):
        parse_module(src, "M.hs")


def test_several_independent_errors_are_all_reported() -> None:
    src = "f = )\ng = 1\nh = (\n\nk = 2\nl = ]\nm = do\n\nn = 3\n"
    found = [(d.code, str(d.span.start)) for d in diagnostics(src)]
    assert found == [("P001", "1:5"), ("P004", "5:1"), ("P001", "6:5"), ("P005", "7:5")]


def test_recovery_keeps_the_good_declarations() -> None:
    module, found = parse_module_diagnostics("f = )\ng = 1\nh x = x\n", "M.hs")
    assert len(found) == 1
    assert module is not None
    assert [str(d.name) for d in module.decls] == ["g", "h"]  # type: ignore[union-attr]


def test_recovery_inside_explicit_braces() -> None:
    found = diagnostics("module M where { f = ) ; g = 1 ; h = ] }")
    assert [str(d.span.start) for d in found] == ["1:22", "1:38"]


def test_errors_in_nested_blocks_recover_at_the_next_top_level_item() -> None:
    src = "f = do\n  x <- a\n  let y = )\n  b\ng = do\n  c ]\n"
    assert [str(d.span.start) for d in diagnostics(src)] == ["3:11", "6:5"]


def test_lexical_and_parse_errors_are_reported_together_in_order() -> None:
    src = "f = \"abc\ng = )\nh = '\\q'\n"
    found = [(d.code, str(d.span.start)) for d in diagnostics(src)]
    assert found == [("L001", "1:9"), ("P001", "2:5"), ("L004", "3:7")]


def test_a_broken_header_gives_no_module() -> None:
    module, found = parse_module_diagnostics("module m where\nf = 1\n", "m.hs")
    assert module is None
    assert [(d.code, str(d.span.start)) for d in found] == [("P001", "1:8")]


def test_source_error_carries_every_diagnostic() -> None:
    with pytest.raises(SourceError) as info:
        parse_module("f = )\ng = ]\n", "M.hs")
    assert len(info.value.diagnostics) == 2
    assert str(info.value).startswith("M.hs:1:5: error: [P001]")


_ALPHABET = [
    "x", "C", "M.x", "1", "'c'", '"s"', "(", ")", "[", "]", ",", ";", "{", "}", "`",
    "=", "->", "<-", "::", "=>", "|", "\\", "@", "~", "..", "+", "-", ":", "!",
    "let", "in", "where", "do", "of", "case", "if", "then", "else", "data", "class",
    "instance", "import", "module", "infixl", "_", "\n", "\n  ", "\n    ", " ",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(300))
def test_random_token_soup_never_crashes(seed: int) -> None:
    rng = random.Random(seed)
    src = " ".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 60)))
    module, found = parse_module_diagnostics(src, "R.hs")
    assert module is not None or found
