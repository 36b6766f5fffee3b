"""Type inference for literals and patterns (THIH §11.1-§11.2, Report §3.2, §3.17).

One function per judgement, each taking the ``Tc`` context, the assumptions ``env``
and the term, and returning the typed term (binders as ``Occ`` placeholders, see
ifacedir.typecheck.tcenv) and its type; predicates go into ``tc.wanted``.

* literals (R§3.2, §6.4.1): an integer is ``fromInteger`` at a fresh ``t`` (``Num t``),
  a fractional ``fromRational`` (``Fractional t``), a character ``Char``, a string
  ``[Char]``; the method is recorded as a witness (Note [Witnesses for syntax] in
  ifacedir.syntax.evidence);
* patterns (R§3.17): variables, ``_``, literals (``Eq t`` too, for the ``==`` the
  match uses), constructors prefix, infix and with record fields, tuples, lists,
  ``x@p``, ``~p``. The variables a pattern binds are appended to a list of ``Bound``,
  each with its monomorphic type, for the caller to add to the environment
  (``extend``);
* ``irrefutable``: whether a pattern can fail (R§3.17.2), which decides whether a
  ``do`` binding needs ``fail``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final, TypeAlias

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.pretty import pretty_expr, pretty_pat
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_CHAR,
    T_INTEGER,
    KFun,
    TAp,
    TCon,
    TGen,
    TyCon,
    Type,
    fn,
    fn_parts,
    list_type,
    to_scheme,
    tuple_type,
)
from ifacedir.typecheck.assump import Assump, Assumptions
from ifacedir.typecheck.subst import apply
from ifacedir.typecheck.tcenv import BUILTIN, Occ, Tc

__all__ = [
    "Bound",
    "TPat",
    "con_parts",
    "extend",
    "free_gens",
    "infer_lit",
    "infer_pat",
    "infer_pats",
    "irrefutable",
    "shown_expr",
    "shown_pat",
]

TPat: TypeAlias = "ast.Pat[Any]"


@dataclass(frozen=True, slots=True)
class Bound:
    """A variable bound by a pattern, with its monomorphic type and its binder."""

    name: Name
    type: Type
    occ: Occ


# The printer qualifies global names by their defining module (`GHC.Types.True`);
# error messages show them as the programmer wrote them, unqualified, as GHC does.
_QUALIFIER: Final = re.compile(r"(?<![\w.'])(?:[A-Z][\w']*\.)+(?=[a-z_A-Z(!#$%&*+/<=>?@^|~:-])")


def shown_expr(e: ast.Expr[Name]) -> str:
    text = _QUALIFIER.sub("", pretty_expr(e))
    return text if len(text) <= 60 else text[:57] + "..."


def shown_pat(p: ast.Pat[Name]) -> str:
    text = _QUALIFIER.sub("", pretty_pat(p))
    return text if len(text) <= 60 else text[:57] + "..."


# --- Literals ------------------------------------------------------------------------


def infer_lit(tc: Tc, env: Assumptions, span: SrcSpan, lit: ast.Literal) -> Type:
    """R§3.2: the type of a literal, recording ``fromInteger``/``fromRational``."""
    match lit:
        case ast.LitChar():
            return T_CHAR
        case ast.LitString():
            return list_type(T_CHAR)
        case ast.LitInt():
            return _overloaded_lit(tc, env, span, BUILTIN.FROM_INTEGER, T_INTEGER)
        case ast.LitFrac():
            rational = TAp(TCon(TyCon(BUILTIN.RATIO, KFun(STAR, STAR))), T_INTEGER)
            return _overloaded_lit(tc, env, span, BUILTIN.FROM_RATIONAL, rational)


def _overloaded_lit(tc: Tc, env: Assumptions, span: SrcSpan, method: Name, arg: Type) -> Type:
    mt = tc.witness(env, span, method.occ, method)
    if mt is None:
        return arg  # below the class's module (base uses no literals there)
    result = tc.st.new_tvar(STAR)
    tc.st.unify_at(span, mt, fn(arg, result))
    return result


def literal_value(lit: ast.LitFrac) -> Fraction:
    return Fraction(lit.text)


# --- Patterns (R§3.17) ---------------------------------------------------------------


def infer_pat(tc: Tc, env: Assumptions, p: ast.Pat[Name], out: list[Bound]) -> tuple[TPat, Type]:
    """THIH ``tiPat``: the typed pattern and its type; bound variables go to ``out``."""
    match p:
        case ast.PVar(span, name):
            t = tc.st.new_tvar(STAR)
            occ = tc.binder(name, t)
            out.append(Bound(name, t, occ))
            return ast.PVar(span, occ), t
        case ast.PWild():
            return p, tc.st.new_tvar(STAR)
        case ast.PLit(span, lit):
            t = infer_lit(tc, env, span, lit)
            if isinstance(lit, ast.LitInt | ast.LitFrac):
                eq = tc.witness(env, span, "==", BUILTIN.EQ_OP)
                if eq is not None:
                    tc.st.unify_at(span, eq, fn(t, fn(t, T_BOOL)))
            return p, t
        case ast.PCon(span, con, args):
            return _con_pat(tc, env, p, span, con, args, out, lambda o, ps: ast.PCon(span, o, ps))
        case ast.PConOp(span, left, con, right):
            return _con_pat(
                tc,
                env,
                p,
                span,
                con,
                (left, right),
                out,
                lambda o, ps: ast.PConOp(span, ps[0], o, ps[1]),
            )
        case ast.PTuple(span, elems):
            typed, ts = infer_pats(tc, env, elems, out)
            return ast.PTuple(span, typed), tuple_type(ts)
        case ast.PList(span, elems):
            typed, ts = infer_pats(tc, env, elems, out)
            t = tc.st.new_tvar(STAR)
            for e, te in zip(elems, ts, strict=True):
                tc.st.unify_at(e.span, t, te)
            return ast.PList(span, typed), list_type(t)
        case ast.PAs(span, name, inner):
            tp, t = infer_pat(tc, env, inner, out)
            occ = tc.binder(name, t)
            out.append(Bound(name, t, occ))
            return ast.PAs(span, occ, tp), t
        case ast.PLazy(span, inner):
            tp, t = infer_pat(tc, env, inner, out)
            return ast.PLazy(span, tp), t
        case ast.PParen(span, inner):
            tp, t = infer_pat(tc, env, inner, out)
            return ast.PParen(span, tp), t
        case ast.PRec(span, con, fields):
            return _rec_pat(tc, env, span, con, fields, out)
        case ast.POpChain():
            raise ValueError("operator chain in a renamed tree")


def infer_pats(
    tc: Tc, env: Assumptions, ps: Sequence[ast.Pat[Name]], out: list[Bound]
) -> tuple[tuple[TPat, ...], list[Type]]:
    typed: list[TPat] = []
    ts: list[Type] = []
    for q in ps:
        tq, t = infer_pat(tc, env, q, out)
        typed.append(tq)
        ts.append(t)
    return tuple(typed), ts


def _con_pat(
    tc: Tc,
    env: Assumptions,
    whole: ast.Pat[Name],
    span: SrcSpan,
    con: Name,
    args: Sequence[ast.Pat[Name]],
    out: list[Bound],
    build: Callable[[Occ, tuple[TPat, ...]], TPat],
) -> tuple[TPat, Type]:
    occ, t = tc.instantiate(env, con, span)
    typed, ts = infer_pats(tc, env, args, out)
    arity = _arity(tc, t)
    if arity != len(ts):
        message = (
            f"The constructor ‘{con.occ}’ should have {arity} argument{'s' * (arity != 1)},"
            f" but has been given {len(ts)}"
        )
        tc.st.report("T001", span, message)
        return build(occ, typed), tc.st.new_tvar(STAR)
    result = tc.st.new_tvar(STAR)
    expected = result
    for a in reversed(ts):
        expected = fn(a, expected)
    with tc.st.context(lambda: f"In the pattern: {shown_pat(whole)}"):
        tc.st.unify_at(span, t, expected)
    return build(occ, typed), result


def _arity(tc: Tc, t: Type) -> int:
    n = 0
    parts = fn_parts(apply(tc.st, t))
    while parts is not None:
        n += 1
        parts = fn_parts(parts[1])
    return n


def con_parts(tc: Tc, t: Type) -> tuple[list[Type], Type]:
    args: list[Type] = []
    parts = fn_parts(t)
    while parts is not None:
        args.append(parts[0])
        t = parts[1]
        parts = fn_parts(t)
    return args, t


def _rec_pat(
    tc: Tc,
    env: Assumptions,
    span: SrcSpan,
    con: Name,
    fields: tuple[ast.FieldPat[Name], ...],
    out: list[Bound],
) -> tuple[TPat, Type]:
    occ, t = tc.instantiate(env, con, span)
    args, result = con_parts(tc, t)
    info = tc.cons.get(con)
    typed: list[ast.FieldPat[Any]] = []
    for f in fields:
        tp, tf = infer_pat(tc, env, f.pat, out)
        typed.append(ast.FieldPat(f.span, f.field, tp))
        if info is None or f.field not in info.labels:
            tc.st.report(
                "T017", f.span, f"Constructor ‘{con.occ}’ does not have field ‘{f.field.occ}’"
            )
            continue
        tc.st.unify_at(f.pat.span, args[info.labels.index(f.field)], tf)
    return ast.PRec(span, occ, tuple(typed)), result


def extend(env: Assumptions, bound: Sequence[Bound]) -> Assumptions:
    """``env`` with the monomorphic variables a pattern bound."""
    if not bound:
        return env
    return env.extend(Assump(b.name, to_scheme(b.type)) for b in bound)


def irrefutable(tc: Tc, p: ast.Pat[Name]) -> bool:
    """R§3.17.2: a pattern that cannot fail (variables, ``_``, ``~p``, and constructors
    of single-constructor types applied to irrefutable patterns)."""
    match p:
        case ast.PVar() | ast.PWild() | ast.PLazy():
            return True
        case ast.PAs(_, _, inner) | ast.PParen(_, inner):
            return irrefutable(tc, inner)
        case ast.PTuple(_, elems):
            return all(irrefutable(tc, q) for q in elems)
        case ast.PCon(_, con, args):
            return _single(tc, con) and all(irrefutable(tc, q) for q in args)
        case ast.PConOp(_, left, con, right):
            return _single(tc, con) and irrefutable(tc, left) and irrefutable(tc, right)
        case ast.PRec(_, con, fields):
            return _single(tc, con) and all(irrefutable(tc, f.pat) for f in fields)
        case _:
            return False


def _single(tc: Tc, con: Name) -> bool:
    info = tc.cons.get(con)
    if info is not None:
        return info.siblings == 1
    return con.occ == "()" or con.occ.startswith("(,")


def free_gens(t: Type) -> list[int]:
    """The ``TGen`` indices in ``t``."""
    out: list[int] = []
    stack = [t]
    while stack:
        u = stack.pop()
        if isinstance(u, TAp):
            stack.extend((u.fun, u.arg))
        elif isinstance(u, TGen):
            out.append(u.index)
    return out
