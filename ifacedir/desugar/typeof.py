"""The types of typed patterns and expressions, read off the names in the typed tree.

Core binders carry types (spec/CORE.md §2), and the desugarer makes binders the
source has no name for: the variable a ``case`` scrutinee is bound to, the variables
of a constructor's fields while matching. The typed tree stores types only at names
(Note [Where types go] in ifacedir.syntax.ast), so the type of a pattern or an
expression is reconstructed from its leaves, bottom-up: a variable's instantiated
type, a constructor's type applied to as many arguments as the pattern has, the
method a literal stands for (its witness), and so on. Where the leaves do not
determine it (a wildcard pattern, an empty list), the answer is None and the caller
uses ``ANY``.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from ifacedir.desugar.context import Ds, result_type
from ifacedir.syntax import ast
from ifacedir.syntax.evidence import TcName
from ifacedir.syntax.types import (
    T_CHAR,
    T_STRING,
    Type,
    fn_parts,
    list_type,
    tuple_type,
)

__all__ = ["expr_type", "pat_type"]

TPat: TypeAlias = "ast.Pat[TcName]"
TExpr: TypeAlias = "ast.Expr[TcName]"


def pat_type(ds: Ds, p: TPat) -> Type | None:
    """The type of the values pattern ``p`` matches, if the tree says."""
    while True:
        match p:
            case ast.PParen(_, inner) | ast.PLazy(_, inner):
                p = inner
            case ast.PVar(_, tn) | ast.PAs(_, tn, _):
                return tn.scheme.qual.head if tn.scheme is not None else tn.type
            case ast.PWild():
                return None
            case ast.PLit(span, lit):
                return _lit_type(ds, span, lit)
            case ast.PCon(_, con, args):
                return result_type(con.type, len(args)) if con.type is not None else None
            case ast.PConOp(_, _, con, _):
                return result_type(con.type, 2) if con.type is not None else None
            case ast.PRec(_, con, _):
                return _final_result(con.type)
            case ast.PTuple(_, elems):
                ts = [pat_type(ds, x) for x in elems]
                return _tuple_or_none(ts)
            case ast.PList(_, elems):
                for x in elems:
                    t = pat_type(ds, x)
                    if t is not None:
                        return list_type(t)
                return None
            case _:
                return None


def _tuple_or_none(ts: list[Type | None]) -> Type | None:
    known = [t for t in ts if t is not None]
    return tuple_type(known) if len(known) == len(ts) else None


def _lit_type(ds: Ds, span: Any, lit: ast.Literal) -> Type | None:
    match lit:
        case ast.LitChar():
            return T_CHAR
        case ast.LitString():
            return T_STRING
        case ast.LitInt():
            w = ds.env.witness(span, "fromInteger")
        case ast.LitFrac():
            w = ds.env.witness(span, "fromRational")
    if w is None or w.type is None:
        return None
    parts = fn_parts(w.type)
    return parts[1] if parts is not None else None


def _final_result(t: Type | None) -> Type | None:
    if t is None:
        return None
    while True:
        parts = fn_parts(t)
        if parts is None:
            return t
        t = parts[1]


def expr_type(ds: Ds, e: TExpr) -> Type | None:
    """The type of expression ``e``, if its leaves say (best effort, no inference)."""
    match e:
        case ast.EVar(_, tn) | ast.ECon(_, tn):
            return tn.type
        case ast.ELit(span, lit):
            return _lit_type(ds, span, lit)
        case ast.EParen(_, inner) | ast.ENeg(_, inner):
            return expr_type(ds, inner)
        case ast.EApp():
            n = 0
            f: TExpr = e
            while isinstance(f, ast.EApp):
                f, n = f.fun, n + 1
            ft = expr_type(ds, f)
            return result_type(ft, n) if ft is not None else None
        case ast.EOpApp(_, _, op, _):
            return result_type(op.name.type, 2) if op.name.type is not None else None
        case ast.ELet(_, _, body):
            return expr_type(ds, body)
        case ast.EIf(_, _, then, else_):
            return expr_type(ds, then) or expr_type(ds, else_)
        case ast.ECase(_, _, alts):
            for a in alts:
                t = _rhs_type(ds, a.rhs)
                if t is not None:
                    return t
            return None
        case ast.EDo(_, stmts):
            last = stmts[-1] if stmts else None
            return expr_type(ds, last.expr) if isinstance(last, ast.SExpr) else None
        case ast.ETuple(_, elems):
            return _tuple_or_none([expr_type(ds, x) for x in elems])
        case ast.EList(_, elems):
            for x in elems:
                t = expr_type(ds, x)
                if t is not None:
                    return list_type(t)
            return None
        case ast.EListComp(_, body, _):
            t = expr_type(ds, body)
            return list_type(t) if t is not None else None
        case ast.EArith(span, _, then, to):
            role = _ARITH_ROLES[(then is not None, to is not None)]
            w = ds.env.witness(span, role)
            return _final_result(w.type) if w is not None else None
        case ast.ETyped(_, inner, _):
            return expr_type(ds, inner)
        case ast.ERecCon(_, con, _):
            return _final_result(con.type)
        case ast.ERecUpd(_, inner, _):
            return expr_type(ds, inner)
        case ast.ELeftSection(_, _, op):
            return result_type(op.name.type, 1) if op.name.type is not None else None
        case _:
            return None


def _rhs_type(ds: Ds, rhs: ast.Rhs[TcName]) -> Type | None:
    if rhs.body is not None:
        return expr_type(ds, rhs.body)
    for g in rhs.guarded:
        t = expr_type(ds, g.body)
        if t is not None:
            return t
    return None


_ARITH_ROLES = {
    (False, False): "enumFrom",
    (True, False): "enumFromThen",
    (False, True): "enumFromTo",
    (True, True): "enumFromThenTo",
}
