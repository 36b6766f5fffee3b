"""Expressions: the typed tree's ``Expr`` to Core, one function per construct (Report §3).

``expr(ds, e)`` dispatches on the construct:

* variables become ``CoreVar`` applied to their dictionaries (``Ds.occurrence``);
  constructors become saturated ``ConApp`` (wrapped in a lambda when partly applied);
* literals, negation, arithmetic sequences and ``do`` become applications of the
  class methods the typechecker recorded as witnesses (ifacedir.desugar.literals);
* ``\\p -> e`` and ``case`` go through the match compiler (ifacedir.desugar.match);
  ``if`` is a ``case`` on ``Bool``; ``let`` goes to ifacedir.desugar.binds;
* list comprehensions use the translation of Note [List comprehensions without
  append]; sections and record construction and update are what Report §3.5 and
  §3.15 say they mean.

Every argument stays lazy: the desugarer never evaluates anything the source does
not, and let-binds what the Report's translation would otherwise duplicate (the
operand of a right section, the values of a record update).

Note [List comprehensions without append]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Report §3.11 translates ``[e | p <- l, Q]`` with ``concatMap``, which builds and
appends an intermediate list per element. We use Wadler's translation instead (SPJ
1987, §7.3), which computes ``TQ[e | Q] ++ L`` for a tail ``L`` directly:

* ``TQ[e | ] ++ L = e : L``;
* ``TQ[e | b, Q] ++ L = if b then TQ[e | Q] ++ L else L``;
* ``TQ[e | let ds, Q] ++ L = let ds in TQ[e | Q] ++ L``;
* ``TQ[e | p <- l, Q] ++ L = letrec h us = case us of { [] -> L; u : us' -> let r = h
  us' in case u of { p -> TQ[e | Q] ++ r; _ -> r } } in h l``.

The result is the same list, built lazily cell by cell, with no ``++`` and no
dependence on library functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, TypeAlias

from ifacedir.desugar import binds as _binds
from ifacedir.desugar import literals, messages
from ifacedir.desugar.context import Ds, app, arg_types, bool_case, is_atom, lam
from ifacedir.desugar.env import ANY, DsError, use
from ifacedir.desugar.match import Eqn, match
from ifacedir.desugar.typeof import expr_type, pat_type
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import EvInst, TcName
from ifacedir.syntax.names import Name, NameSpace, cons_con, nil_con, tuple_con
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    T_DOUBLE,
    T_INT,
    T_INTEGER,
    Type,
    list_type,
)

__all__ = ["con_expr", "expr", "is_otherwise", "lambda_params"]

TExpr: TypeAlias = "ast.Expr[TcName]"
TPat: TypeAlias = "ast.Pat[TcName]"

_OTHERWISE: Final = Name("base", "GHC.Base", "otherwise", NameSpace.VAR)
_TRUE: Final = Name("base", "GHC.Types", "True", NameSpace.CON)
_NUM: Final = Name("base", "GHC.Num", "Num", NameSpace.TYCON)
_PRIMS: Final = (T_INT, T_INTEGER, T_DOUBLE)
_ARITH: Final = {
    (False, False): "enumFrom",
    (True, False): "enumFromThen",
    (False, True): "enumFromTo",
    (True, True): "enumFromThenTo",
}


def _t(ds: Ds, e: TExpr) -> Type:
    return expr_type(ds, e) or ANY


def expr(ds: Ds, e: TExpr) -> core.Expr:
    """The Core of the typed expression ``e``."""
    match e:
        case ast.EVar(_, tn):
            return ds.occurrence(tn)
        case ast.ECon(_, tn):
            return con_expr(ds, tn, ())
        case ast.ELit(span, lit):
            return literals.literal(ds, span, lit)
        case ast.EApp():
            return _app(ds, e)
        case ast.EOpApp(_, left, op, right):
            operands = (expr(ds, left), expr(ds, right))
            if op.is_con:
                return con_expr(ds, op.name, operands)
            return app(ds.occurrence(op.name), operands)
        case ast.ENeg(span, inner):
            return _negate(ds, span, inner)
        case ast.EParen(_, inner):
            return expr(ds, inner)
        case ast.ELam(span, pats, body):
            return _lambda(ds, span, pats, body)
        case ast.ELet(_, decls, body):
            return _binds.local_binds(ds, decls, lambda: expr(ds, body))
        case ast.EIf(_, cond, then, else_):
            return bool_case(ds, expr(ds, cond), expr(ds, then), expr(ds, else_), _t(ds, e))
        case ast.ECase(span, scrut, alts):
            return _case(ds, span, scrut, alts, _t(ds, e))
        case ast.EDo(_, stmts):
            return _do(ds, stmts, 0, _t(ds, e))
        case ast.ETuple(_, elems):
            return con_expr(ds, TcName(tuple_con(len(elems))), tuple(expr(ds, x) for x in elems))
        case ast.EList(_, elems):
            return _list(ds, [expr(ds, x) for x in elems])
        case ast.EArith(span, from_, then, to):
            w = ds.env.witness(span, _ARITH[(then is not None, to is not None)])
            if w is None:
                raise DsError(f"{span}: an arithmetic sequence without its Enum method")
            args = [expr(ds, x) for x in (from_, then, to) if x is not None]
            return app(ds.occurrence(w), args)
        case ast.EListComp(_, body, quals):
            t = _t(ds, e)
            return _comprehension(ds, body, quals, core.ConApp(_nil(ds), ()), t)
        case ast.ELeftSection(_, operand, op):
            arg = expr(ds, operand)
            if op.is_con:
                return con_expr(ds, op.name, (arg,))
            return app(ds.occurrence(op.name), (arg,))
        case ast.ERightSection(_, op, operand):
            return _right_section(ds, op, operand)
        case ast.ETyped(span, inner, _):
            return _typed(ds, span, inner)
        case ast.ERecCon(span, con, fields):
            return _record_con(ds, span, con, fields)
        case ast.ERecUpd(span, inner, fields):
            return _record_update(ds, span, inner, fields, _t(ds, e))
        case _:
            raise DsError(f"cannot desugar {type(e).__name__} (not in a typed tree)")


# --- Applications and constructors ---------------------------------------------------------


def _app(ds: Ds, e: ast.EApp[TcName]) -> core.Expr:
    args: list[TExpr] = []
    f: TExpr = e
    while isinstance(f, ast.EApp):
        args.append(f.arg)
        f = f.fun
    args.reverse()
    while isinstance(f, ast.EParen):
        f = f.expr
    core_args = tuple(expr(ds, a) for a in args)
    if isinstance(f, ast.ECon):
        return con_expr(ds, f.name, core_args)
    return app(expr(ds, f), core_args)


def con_expr(ds: Ds, tn: TcName, args: Sequence[core.Expr]) -> core.Expr:
    """Constructor ``tn`` applied to ``args``: a ``ConApp`` when saturated, else a
    lambda over the missing fields (the constructor's wrapper, CORE.md §1)."""
    entry = ds.env.con(tn.name)
    n = entry.ref.arity
    if len(args) >= n:
        return app(core.ConApp(entry.ref, tuple(args[:n])), args[n:])
    binds: list[core.Bind] = []
    atoms: list[core.Expr] = []
    for a in args:  # shared by every application of the wrapper
        if is_atom(a):
            atoms.append(a)
        else:
            v = ds.env.fresh("ds", ANY)
            binds.append(core.Bind(v, a))
            atoms.append(use(v))
    missing = arg_types(tn.type, n)[len(args) :]
    params = [ds.env.fresh("ds", t) for t in missing]
    body: core.Expr = core.Lam(
        tuple(params), core.ConApp(entry.ref, (*atoms, *(use(p) for p in params)))
    )
    for b in reversed(binds):
        body = core.Let(b, body)
    return body


def _nil(ds: Ds) -> core.DataConRef:
    return ds.env.con(nil_con()).ref


def _list(ds: Ds, items: Sequence[core.Expr]) -> core.Expr:
    cons = ds.env.con(cons_con()).ref
    out: core.Expr = core.ConApp(_nil(ds), ())
    for x in reversed(items):
        out = core.ConApp(cons, (x, out))
    return out


def _negate(ds: Ds, span: SrcSpan, inner: TExpr) -> core.Expr:
    w = ds.env.witness(span, "negate")
    if w is None:
        raise DsError(f"{span}: a negation without negate")
    bare = inner
    while isinstance(bare, ast.EParen):
        bare = bare.expr
    if isinstance(bare, ast.ELit) and isinstance(bare.lit, ast.LitInt | ast.LitFrac):
        lit = literals.literal(ds, bare.span, bare.lit)
        known = _known_num(w)
        if known is not None and _negatable(lit, known):
            return _negative(lit)
    return app(ds.occurrence(w), (expr(ds, inner),))


def _known_num(w: TcName) -> Type | None:
    if len(w.evidence) == 1:
        ev = w.evidence[0]
        if isinstance(ev, EvInst) and ev.pred.cls == _NUM and ev.pred.type in _PRIMS:
            return ev.pred.type
    return None


def _negatable(lit: core.Expr, t: Type) -> bool:
    if isinstance(lit, core.IntLit):
        return t in (T_INT, T_INTEGER) and lit.value != -(2**63)
    if isinstance(lit, core.DoubleLit):
        return t == T_DOUBLE and lit.numerator != 0  # -0.0 has no exact rational
    return False


def _negative(lit: core.Expr) -> core.Expr:
    if isinstance(lit, core.IntLit):
        value = -lit.value
        if lit.kind is core.IntKind.INT:
            value = literals.wrap_int(value)
        return core.IntLit(value, lit.kind)
    assert isinstance(lit, core.DoubleLit)
    return core.DoubleLit(-lit.numerator, lit.denominator)


# --- Lambdas, case, do -----------------------------------------------------------------------


def lambda_params(ds: Ds, pats: Sequence[TPat], types: Sequence[Type]) -> list[core.CoreVar]:
    """One parameter per pattern, named after it when it is a variable."""
    out = []
    for p, t in zip(pats, types, strict=True):
        while isinstance(p, ast.PParen):
            p = p.pat
        occ = p.name.name.occ if isinstance(p, ast.PVar) else "ds"
        out.append(ds.env.fresh(occ, t))
    return out


def _lambda(ds: Ds, span: SrcSpan, pats: Sequence[TPat], body: TExpr) -> core.Expr:
    types = [pat_type(ds, p) or ANY for p in pats]
    params = lambda_params(ds, pats, types)
    t = _t(ds, body)
    eqn = Eqn(tuple(pats), lambda _fail: expr(ds, body))
    fail = core.PatError(messages.in_lambda(span), t)
    return lam(params, match(ds, [use(p) for p in params], [eqn], fail, t))


def _case(
    ds: Ds, span: SrcSpan, scrut: TExpr, alts: Sequence[ast.Alt[TcName]], t: Type
) -> core.Expr:
    from ifacedir.desugar.rhs import can_fail

    value = expr(ds, scrut)
    st = expr_type(ds, scrut) or next(
        (pt for a in alts if (pt := pat_type(ds, a.pat)) is not None), ANY
    )
    eqns = [Eqn((a.pat,), _alt_rhs(ds, a.rhs, t), can_fail(a.rhs)) for a in alts]
    fail = core.PatError(messages.in_case(span), t)
    if isinstance(value, core.CoreVar):
        return match(ds, [value], eqns, fail, t)
    v = ds.env.fresh("scrut", st)
    return core.Let(core.Bind(v, value), match(ds, [use(v)], eqns, fail, t))


def _alt_rhs(ds: Ds, rhs: ast.Rhs[TcName], t: Type) -> Callable[[core.Expr], core.Expr]:
    from ifacedir.desugar.rhs import rhs_expr

    return lambda fail: rhs_expr(ds, rhs, fail, t)


def _do(ds: Ds, stmts: Sequence[ast.Stmt[TcName]], i: int, t: Type) -> core.Expr:
    """Report §3.14, one statement at a time (``t`` is the block's type)."""
    s = stmts[i]
    if i == len(stmts) - 1:
        if not isinstance(s, ast.SExpr):
            raise DsError(f"{s.span}: a do block must end with an expression")
        return expr(ds, s.expr)
    match s:
        case ast.SExpr(span, e):
            then = _method(ds, span, ">>")
            return app(then, (expr(ds, e), _do(ds, stmts, i + 1, t)))
        case ast.SBind(span, p, e):
            bind = _method(ds, span, ">>=")
            pt = pat_type(ds, p) or ANY
            (param,) = lambda_params(ds, (p,), (pt,))
            fail_w = ds.env.witness(span, "fail")
            fail: core.Expr
            if fail_w is None:
                fail = core.PatError(messages.irrefutable(p.span, p), t)
            else:
                text = f"Pattern match failure in do expression at {p.span}"
                fail = app(ds.occurrence(fail_w), (core.StringLit(text),))
            eqn = Eqn((p,), lambda _f: _do(ds, stmts, i + 1, t))
            k = core.Lam((param,), match(ds, [use(param)], [eqn], fail, t))
            return app(bind, (expr(ds, e), k))
        case ast.SLet(_, decls):
            return _binds.local_binds(ds, decls, lambda: _do(ds, stmts, i + 1, t))
    raise DsError(f"unknown statement {type(s).__name__}")


def _method(ds: Ds, span: SrcSpan, role: str) -> core.Expr:
    w = ds.env.witness(span, role)
    if w is None:
        raise DsError(f"{span}: no witness for {role}")
    return ds.occurrence(w)


# --- Comprehensions ---------------------------------------------------------------------------


def _comprehension(
    ds: Ds, body: TExpr, quals: Sequence[ast.Stmt[TcName]], tail: core.Expr, t: Type
) -> core.Expr:
    """``TQ[body | quals] ++ tail``; See Note [List comprehensions without append]."""
    if not quals:
        return core.ConApp(ds.env.con(cons_con()).ref, (expr(ds, body), tail))
    q, rest = quals[0], quals[1:]
    match q:
        case ast.SExpr(_, cond):
            if is_otherwise(q):
                return _comprehension(ds, body, rest, tail, t)
            inner = _comprehension(ds, body, rest, tail, t)
            return bool_case(ds, expr(ds, cond), inner, tail, t)
        case ast.SLet(_, decls):
            return _binds.local_binds(ds, decls, lambda: _comprehension(ds, body, rest, tail, t))
        case ast.SBind(_, p, source):
            return _generator(ds, body, rest, p, source, tail, t)
    raise DsError(f"unknown qualifier {type(q).__name__}")


def _generator(
    ds: Ds,
    body: TExpr,
    rest: Sequence[ast.Stmt[TcName]],
    p: TPat,
    source: TExpr,
    tail: core.Expr,
    t: Type,
) -> core.Expr:
    src = expr(ds, source)
    elem_t = pat_type(ds, p) or ANY
    lt = list_type(elem_t)
    h = ds.env.fresh("go", ANY)
    us = ds.env.fresh("us", lt)
    x = ds.env.fresh("x", elem_t)
    xs = ds.env.fresh("xs", lt)
    r = ds.env.fresh("r", t)
    eqn = Eqn((p,), lambda _f: _comprehension(ds, body, rest, use(r), t))
    on_cons = core.Let(
        core.Bind(r, core.App(use(h), (use(xs),))), match(ds, [use(x)], [eqn], use(r), t)
    )
    alts = (
        core.ConAlt(_nil(ds), (), tail),
        core.ConAlt(ds.env.con(cons_con()).ref, (x, xs), on_cons),
    )
    go = core.Lam((us,), core.Case(use(us), ds.env.fresh("ds", lt), t, alts))
    return core.LetRec((core.Bind(h, go),), core.App(use(h), (src,)))


def is_otherwise(s: ast.Stmt[TcName]) -> bool:
    """A guard that always holds: ``otherwise`` or ``True``."""
    if not isinstance(s, ast.SExpr):
        return False
    e = s.expr
    while isinstance(e, ast.EParen):
        e = e.expr
    if isinstance(e, ast.EVar):
        return e.name.name == _OTHERWISE
    return isinstance(e, ast.ECon) and e.name.name == _TRUE


# --- Sections, annotations, records --------------------------------------------------------------


def _right_section(ds: Ds, op: ast.OpRef[TcName], operand: TExpr) -> core.Expr:
    """``(op e)`` is ``\\x -> x op e`` (Report §3.5), ``e`` evaluated at most once."""
    arg = expr(ds, operand)
    binds: list[core.Bind] = []
    if not is_atom(arg):
        v = ds.env.fresh("ds", _t(ds, operand))
        binds.append(core.Bind(v, arg))
        arg = use(v)
    (xt,) = arg_types(op.name.type, 1)
    x = ds.env.fresh("x", xt)
    if op.is_con:
        body = con_expr(ds, op.name, (use(x), arg))
    else:
        body = app(ds.occurrence(op.name), (use(x), arg))
    out: core.Expr = core.Lam((x,), body)
    for b in reversed(binds):
        out = core.Let(b, out)
    return out


def _typed(ds: Ds, span: SrcSpan, inner: TExpr) -> core.Expr:
    """``e :: C a => t``: See Note [Annotations with a context] in
    ifacedir.typecheck.bindings. Without a context the annotation is only a check."""
    binder = ds.env.witness(span, "::")
    occ = ds.env.witness(span, "::use")
    if binder is None or occ is None or binder.scheme is None:
        return expr(ds, inner)
    dvars = [ds.env.fresh_dict(ev.pred) for ev in binder.evidence]
    with ds.given((ev.pred, use(v)) for ev, v in zip(binder.evidence, dvars, strict=True)):
        body = expr(ds, inner)
    bind = core.Bind(core.CoreVar(binder.name, binder.scheme), lam(dvars, body))
    return core.Let(bind, ds.occurrence(occ))


def _record_con(
    ds: Ds, span: SrcSpan, con: TcName, fields: Sequence[ast.FieldBind[TcName]]
) -> core.Expr:
    entry = ds.env.con(con.name)
    types = arg_types(con.type, entry.ref.arity)
    args: list[core.Expr] = [
        core.PatError(messages.missing_field(span, label.occ), t)
        for label, t in zip(entry.labels or [_no_label(ds)] * entry.ref.arity, types, strict=True)
    ]
    for f in fields:
        args[_field_index(entry.labels, f.field.name)] = expr(ds, f.value)
    return core.ConApp(entry.ref, tuple(args))


def _no_label(ds: Ds) -> Name:
    return ds.env.own("?")


def _field_index(labels: Sequence[Name], field: Name) -> int:
    if field not in labels:
        raise DsError(f"{field} is not a field here")
    return list(labels).index(field)


def _record_update(
    ds: Ds,
    span: SrcSpan,
    inner: TExpr,
    fields: Sequence[ast.FieldBind[TcName]],
    t: Type,
) -> core.Expr:
    """Report §3.15.3: a ``case`` with one alternative per constructor that has every
    updated field."""
    updated = [f.field.name for f in fields]
    binds: list[core.Bind] = []
    values: dict[Name, core.Expr] = {}
    for f in fields:
        v = expr(ds, f.value)
        if not is_atom(v):
            b = ds.env.fresh("ds", ANY)
            binds.append(core.Bind(b, v))
            v = use(b)
        values[f.field.name] = v
    owner = next((c for c in ds.env.cons.values() if updated[0] in c.labels), None)
    if owner is None:
        raise DsError(f"{span}: no constructor has field {updated[0]}")
    alts: list[core.Alt] = []
    for cname in owner.siblings:
        entry = ds.env.con(cname)
        if not all(u in entry.labels for u in updated):
            continue
        vs = [ds.env.fresh("ds", ANY) for _ in range(entry.ref.arity)]
        args = [values.get(label, use(v)) for label, v in zip(entry.labels, vs, strict=True)]
        alts.append(core.ConAlt(entry.ref, tuple(vs), core.ConApp(entry.ref, tuple(args))))
    if len(alts) < len(owner.siblings):
        alts.append(core.DefaultAlt(core.PatError(messages.in_record_update(span), t)))
    out: core.Expr = core.Case(expr(ds, inner), ds.env.fresh("ds", t), t, tuple(alts))
    for bind in reversed(binds):
        out = core.Let(bind, out)
    return out
