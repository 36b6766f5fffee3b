"""The pretty printer on hand-written trees: names, parentheses, literals, layout.

The round trip against the parser is tested in tests/property/test_pretty_roundtrip.py;
here each rule of ifacedir.syntax.pretty gets one readable example.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ifacedir.parse.parser import parse_module
from ifacedir.syntax.ast import (
    EApp,
    ECon,
    EIf,
    ELam,
    ELit,
    ENeg,
    EOpApp,
    EOpChain,
    EVar,
    FunBind,
    LitChar,
    LitFrac,
    LitInt,
    LitString,
    Match,
    Module,
    OpRef,
    PCon,
    PConOp,
    PLazy,
    PLit,
    PVar,
    Rhs,
    TApp,
    TCon,
    TFun,
    TList,
    TVar,
)
from ifacedir.syntax.names import Name, NameSpace, RdrName, cons_con, list_tycon, tuple_con
from ifacedir.syntax.pretty import (
    escape_string,
    pretty_decl,
    pretty_expr,
    pretty_module,
    pretty_pat,
    pretty_type,
)
from ifacedir.syntax.span import SrcLoc, SrcSpan
from ifacedir.syntax.traverse import same_modulo_spans

S = SrcSpan("T.hs", SrcLoc(1, 1), SrcLoc(1, 1))
VAR, CON = NameSpace.VAR, NameSpace.CON


def g(module: str, occ: str, space: NameSpace = VAR) -> Name:
    return Name("base", module, occ, space)


def v(name: Any) -> EVar[Any]:
    return EVar(S, RdrName(name) if isinstance(name, str) else name)


def parse_expr(text: str) -> Any:
    module = parse_module(f"module M where {{ it = {text} }}", "<e>")
    decl = module.decls[0]
    assert isinstance(decl, FunBind)
    return decl.matches[0].rhs.body


# --- names --------------------------------------------------------------------------


def test_global_names_are_qualified_and_binders_are_not() -> None:
    plus = g("Prelude", "+")
    expr = EOpApp(S, v(g("Data.List", "sort")), OpRef(S, plus, False), v(g("Prelude", "div")))
    assert pretty_expr(expr) == "Data.List.sort Prelude.+ Prelude.div"
    infix_div = EOpApp(S, v("x"), OpRef(S, g("Prelude", "div"), False), v("y"))
    assert pretty_expr(infix_div) == "x `Prelude.div` y"
    assert pretty_expr(v(plus)) == "(Prelude.+)"
    bind = FunBind(S, g("M", "f"), (Match(S, (PVar(S, g("M", "x")),), Rhs(S, v(plus), (), ())),))
    assert pretty_decl(bind) == "f x = (Prelude.+)"


def test_special_syntax_prints_as_itself() -> None:
    xs = EOpApp(S, v("x"), OpRef(S, cons_con(), True), ECon(S, g("GHC.Types", "[]", CON)))
    assert pretty_expr(xs) == "x : []"
    assert pretty_expr(ECon(S, cons_con())) == "(:)"
    assert pretty_expr(ECon(S, tuple_con(3))) == "(,,)"
    list_of = TApp(S, TCon(S, list_tycon()), TVar(S, Name.local("a", NameSpace.TYVAR, 1)))
    assert pretty_type(list_of) == "[] a"


def test_locals_print_their_occurrence_or_their_unique() -> None:
    x = Name.local("x", VAR, 7)
    assert pretty_expr(v(x)) == "x"
    assert pretty_expr(v(x), show_uniques=True) == "x_7"


# --- parentheses --------------------------------------------------------------------


def test_resolved_operator_trees_parenthesise_every_nested_application() -> None:
    plus, times = OpRef(S, RdrName("+"), False), OpRef(S, RdrName("*"), False)
    left = EOpApp(S, EOpApp(S, v("a"), plus, v("b")), times, v("c"))
    right = EOpApp(S, v("a"), plus, EOpApp(S, v("b"), times, v("c")))
    assert pretty_expr(left) == "(a + b) * c"
    assert pretty_expr(right) == "a + (b * c)"
    assert pretty_expr(ENeg(S, EOpApp(S, v("a"), plus, v("b")))) == "-(a + b)"
    assert pretty_expr(EOpApp(S, ENeg(S, v("a")), plus, v("b"))) == "(-a) + b"
    cons = PConOp(S, PConOp(S, PVar(S, RdrName("x")), RdrName(":"), PVar(S, RdrName("y"))),
                  RdrName(":"), PVar(S, RdrName("zs")))  # fmt: skip
    assert pretty_pat(cons) == "(x : y) : zs"


def test_applications_and_open_expressions_get_parentheses_where_needed() -> None:
    app = EApp(
        S, EApp(S, v("f"), EApp(S, v("g"), v("x"))), ELam(S, (PVar(S, RdrName("y")),), v("y"))
    )
    assert pretty_expr(app) == "f (g x) (\\y -> y)"
    lam = ELam(S, (PVar(S, RdrName("x")),), v("x"))
    chain = EOpChain(S, (lam, OpRef(S, RdrName("."), False), lam))
    assert pretty_expr(chain) == "(\\x -> x) . \\x -> x"
    cond = EIf(S, v("c"), v("a"), v("b"))
    assert pretty_expr(EOpApp(S, cond, OpRef(S, RdrName("+"), False), cond)) == (
        "(if c then a else b) + if c then a else b"
    )


def test_types_get_exactly_the_parentheses_they_need() -> None:
    a, b = TVar(S, RdrName("a")), TVar(S, RdrName("b"))
    maybe = TCon(S, RdrName("Maybe"))
    t = TFun(S, TFun(S, a, b), TApp(S, maybe, TApp(S, maybe, TList(S, TFun(S, a, b)))))
    assert pretty_type(t) == "(a -> b) -> Maybe (Maybe [a -> b])"


def test_negative_literal_patterns() -> None:
    assert pretty_pat(PLit(S, LitInt(-1))) == "-1"
    assert pretty_pat(PCon(S, RdrName("Just"), (PLit(S, LitInt(-1)),))) == "Just (-1)"
    assert pretty_pat(PCon(S, RdrName("Just"), (PLit(S, LitFrac("-2.5e3")),))) == "Just (-2.5e3)"
    assert pretty_pat(PLazy(S, PLazy(S, PVar(S, RdrName("x"))))) == "~ ~x"


# --- literals -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        'q"uote',
        "back\\slash",
        "new\nline",
        "\x00\x7f",
        "\u00e9t\u00e9",
        "\n1",
        "\U0001f600",
        "\x0e" + "H",
        "tab\there",
    ],
)
def test_strings_lex_back_identically(text: str) -> None:
    expr = ELit(S, LitString(text))
    printed = pretty_expr(expr)
    assert printed.isascii()
    assert same_modulo_spans(parse_expr(printed), expr)


def test_decimal_escapes_are_separated_from_digits() -> None:
    assert escape_string("\n1") == "\\10\\&1"
    assert escape_string("\u00e9a") == "\\233a"


@pytest.mark.parametrize("ch", ["'", '"', "\\", "a", "\n", "\u1234", "\x00"])
def test_chars_lex_back_identically(ch: str) -> None:
    expr = ELit(S, LitChar(ch))
    assert same_modulo_spans(parse_expr(pretty_expr(expr)), expr)


def test_float_literals_print_their_text() -> None:
    assert pretty_expr(ELit(S, LitFrac("1.50e-07"))) == "1.50e-07"


# --- blocks and whole modules --------------------------------------------------------

SOURCE = """\
{-# LANGUAGE NoImplicitPrelude #-}
module Queue (Queue, push, (+++)) where

import qualified Data.List as L hiding (sort)
import {-# SOURCE #-} A (T(..), f)

infixr 5 +++

data Queue a = Q { front :: [a], back :: ![a] } | Empty deriving (Eq, Show)
newtype Wrap = Wrap Int

class Container f where
  empty :: f a
  insert :: a -> f a -> f a

instance Container Queue where
  empty = Empty
  insert x q = push x q

foreign import prim "queuePush" primPush :: a -> Queue a -> Queue a

push :: a -> Queue a -> Queue a
push x Empty = Q [x] []
push x q@(Q f b)
  | null f, let g = b = Q (reverse (x : g)) []
  | otherwise = q { back = x : b }
  where null [] = True
        null _ = False

(+++) :: [a] -> [a] -> [a]
xs +++ ys = case xs of
  [] -> ys
  (z : zs) -> z : (zs +++ ys)

main = do
  let xs = [x * 2 | x <- [1 .. 10], odd x]
  print (map (subtract 1) xs, (`div` 2) 7, (2 ^), -3, \\x -> x :: Int)
"""


@pytest.mark.parametrize("explicit_layout", [True, False])
def test_a_module_prints_and_parses_back(explicit_layout: bool) -> None:
    module = parse_module(SOURCE, "Queue.hs")
    text = pretty_module(module, explicit_layout=explicit_layout)
    assert same_modulo_spans(parse_module(text, "<pretty>"), module)
    assert text.startswith("{-# LANGUAGE NoImplicitPrelude #-}\nmodule Queue (Queue, push, (+++))")
    if explicit_layout:
        assert "where {" in text and "of {" in text and "do {" in text
    else:
        # braces only for records and the `let` guard (Note [Text after a guard])
        for allowed in ("{-#", "Q {", "q {", "let { g = b }"):
            text = text.replace(allowed, "")
        assert "{" not in text


def test_explicit_layout_does_not_depend_on_indentation() -> None:
    module = parse_module(SOURCE, "Queue.hs")
    text = pretty_module(module)
    flattened = "\n".join(line.strip() for line in text.splitlines())
    assert same_modulo_spans(parse_module(flattened, "<flat>"), module)


def test_module_without_header() -> None:
    module = parse_module("main = print 1\n", "Main.hs")
    assert not module.has_header
    text = pretty_module(module)
    assert text == "{\nmain = print 1\n}\n"
    assert same_modulo_spans(parse_module(text, "<p>"), module)
    assert pretty_module(module, explicit_layout=False) == "main = print 1\n"


def test_deep_expressions_print_without_recursion_error() -> None:
    expr: Any = v("x")
    for _ in range(5_000):
        expr = EApp(S, v("f"), expr)
    text = pretty_expr(expr)
    assert text.count("(") == 4_999


def test_renamed_module_system_cases_print_to_parsable_text() -> None:
    program = pytest.importorskip("ifacedir.rename.program")
    root = Path(__file__).resolve().parents[2] / "module_system"
    for main in sorted(root.glob("08*/Main.hs")):
        for renamed in program.rename_program(main).modules[-2:]:
            for explicit in (True, False):
                text = pretty_module(renamed.module, explicit_layout=explicit)
                assert isinstance(parse_module(text, "<renamed>"), Module), text
