"""The texts of run-time pattern-match failures, as GHC 9.0.2 prints them.

A failed match stops the program with ``<prog>: <message>`` on stderr (spec/CORE.md,
``PatError``). GHC's messages, recorded with ``ghc -O0`` (tests/programs has
programs that fail each way):

* ``F:(4,1)-(5,7): Non-exhaustive patterns in function f`` (the span of all the
  function's clauses; ``F:6:1-15`` when they fit on one line);
* ``...: Non-exhaustive patterns in lambda`` (the lambda), ``... in case`` (the
  ``case`` expression), ``... in record update``;
* ``...: Non-exhaustive patterns in x : xs`` for a pattern binding (the span of
  the binding, then the pattern printed);
* ``...: Missing field in record construction fb``;
* ``No match in record selector fb`` (no location);
* ``...: No instance nor default method for class operation m2``.

The pattern-match failures end with a newline of their own, so GHC's output has an
empty line after them; the messages here include it. Spans print as GHC's do
(``SrcSpan.__str__``).
"""

from __future__ import annotations

from ifacedir.syntax import ast
from ifacedir.syntax.evidence import TcName
from ifacedir.syntax.span import SrcSpan

__all__ = [
    "in_case",
    "in_function",
    "in_lambda",
    "in_record_update",
    "irrefutable",
    "missing_field",
    "no_method",
    "no_selector_match",
    "show_pat",
]


def in_function(span: SrcSpan, occ: str) -> str:
    return f"{span}: Non-exhaustive patterns in function {occ}\n"


def in_lambda(span: SrcSpan) -> str:
    return f"{span}: Non-exhaustive patterns in lambda\n"


def in_case(span: SrcSpan) -> str:
    return f"{span}: Non-exhaustive patterns in case\n"


def in_record_update(span: SrcSpan) -> str:
    return f"{span}: Non-exhaustive patterns in record update\n"


def irrefutable(span: SrcSpan, p: ast.Pat[TcName]) -> str:
    return f"{span}: Non-exhaustive patterns in {show_pat(p)}\n"


def missing_field(span: SrcSpan, occ: str) -> str:
    return f"{span}: Missing field in record construction {occ}\n"


def no_selector_match(occ: str) -> str:
    return f"No match in record selector {occ}"


def no_method(span: SrcSpan, occ: str) -> str:
    return f"{span}: No instance nor default method for class operation {occ}"


def show_pat(p: ast.Pat[TcName], prec: int = 0) -> str:
    """A pattern as GHC prints it in messages: unqualified names, infix constructors
    with spaces, parentheses only where needed (``prec`` 0 top, 1 operand, 2 argument)."""
    match p:
        case ast.PVar(_, tn):
            return _ident(tn.name.occ)
        case ast.PWild():
            return "_"
        case ast.PLit(_, lit):
            return _lit(lit, prec)
        case ast.PCon(_, con, args):
            if not args:
                return _ident(con.name.occ)
            text = " ".join([_ident(con.name.occ), *(show_pat(a, 2) for a in args)])
            return f"({text})" if prec >= 2 else text
        case ast.PConOp(_, left, con, right):
            op = con.name.occ if con.name.is_operator else f"`{con.name.occ}`"
            text = f"{show_pat(left, 1)} {op} {show_pat(right, 1)}"
            return f"({text})" if prec >= 1 else text
        case ast.PTuple(_, elems):
            return "(" + ", ".join(show_pat(e) for e in elems) + ")"
        case ast.PList(_, elems):
            return "[" + ", ".join(show_pat(e) for e in elems) + "]"
        case ast.PAs(_, tn, inner):
            return f"{_ident(tn.name.occ)}@{show_pat(inner, 2)}"
        case ast.PLazy(_, inner):
            return f"~{show_pat(inner, 2)}"
        case ast.PParen(_, inner):
            return show_pat(inner, prec)
        case ast.PRec(_, con, fields):
            shown = ", ".join(f"{f.field.name.occ} = {show_pat(f.pat)}" for f in fields)
            return f"{_ident(con.name.occ)} {{{shown}}}"
        case _:
            return "?"


def _ident(occ: str) -> str:
    if occ and not (occ[0].isalpha() or occ[0] in "_(["):
        return f"({occ})"
    return occ


def _lit(lit: ast.Literal, prec: int) -> str:
    from ifacedir.syntax.pretty import pretty_literal

    text = pretty_literal(lit)
    if text.startswith("-") and prec >= 1:
        return f"({text})"
    return text
