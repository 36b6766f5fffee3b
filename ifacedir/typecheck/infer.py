"""Type inference for expressions and their parts (THIH §11.3-§11.5, Report §3).

One function per judgement. Each takes the ``Tc`` context, the assumptions ``env``
in scope and the term, and returns the *typed* term (its names turned into ``Occ``
placeholders, see ifacedir.typecheck.tcenv) with its type; predicates go into
``tc.wanted`` (Note [Wanted predicates accumulate] in ifacedir.typecheck.tcenv).
Literals and patterns are in ifacedir.typecheck.patterns.

* expressions (R§3): variables and constructors instantiate their scheme;
  application unifies the function's type with ``arg -> result``, argument by
  argument so that errors say which argument is wrong; lambdas, ``let`` (binding
  groups, ifacedir.typecheck.bindings), ``if``, ``case``, ``do`` (``Monad m`` through
  ``>>=`` and ``>>``, ``MonadFail m`` for a failable pattern, R§3.14), tuples, lists,
  arithmetic sequences (``Enum t``, R§3.10), comprehensions (R§3.11), sections
  (R§3.5), negation (``Num t``), ``e :: t`` (R§3.16), record construction and update
  (R§3.15);
* right-hand sides with guards (boolean, pattern and ``let`` guards) and ``where``,
  and the clauses of function bindings;
* ``check_expr``: an expression against a known type (from a signature), pushed
  through parentheses, ``let``, ``if`` and ``case`` so that a mismatch is reported
  at the innermost expression that has the wrong type, as GHC does.

Each judgement that has a GHC error context pushes it ("In the second argument of
‘f’, namely ‘x’", "In a stmt of a 'do' block"), lazily: the text is built only
when an error is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_CHAR,
    KFun,
    TAp,
    Type,
    fn,
    fn_parts,
    list_type,
    tuple_type,
)
from ifacedir.typecheck.assump import Assumptions
from ifacedir.typecheck.patterns import (
    Bound,
    TPat,
    con_parts,
    extend,
    free_gens,
    infer_lit,
    infer_pat,
    infer_pats,
    irrefutable,
    shown_expr,
    shown_pat,
)
from ifacedir.typecheck.state import ordinal
from ifacedir.typecheck.subst import apply, instantiate
from ifacedir.typecheck.tcenv import BUILTIN, Tc

__all__ = [
    "Bound",
    "TDecl",
    "TExpr",
    "check_expr",
    "infer_alt",
    "infer_expr",
    "infer_match",
    "infer_rhs",
    "set_bind_group_hook",
]

TExpr: TypeAlias = "ast.Expr[Any]"
TDecl: TypeAlias = "ast.Decl[Any]"

# Binding groups (ifacedir.typecheck.bindings) call back into expressions; the hook
# breaks the import cycle: bindings imports this module and registers itself.
_BindGroup = Callable[
    [Tc, Assumptions, Sequence["ast.Decl[Name]"]], tuple[tuple[TDecl, ...], Assumptions]
]
_HOOK: list[_BindGroup] = []


def set_bind_group_hook(f: _BindGroup) -> None:
    _HOOK[:] = [f]


def _bind_group(
    tc: Tc, env: Assumptions, decls: Sequence[ast.Decl[Name]]
) -> tuple[tuple[TDecl, ...], Assumptions]:
    return _HOOK[0](tc, env, decls)


def _in_expr(e: ast.Expr[Name]) -> Callable[[], str]:
    return lambda: f"In the expression: {shown_expr(e)}"


def _in_guard(e: ast.Expr[Name]) -> Callable[[], str]:
    return lambda: f"In a stmt of a pattern guard: {shown_expr(e)}"


def _op_name(n: Name) -> str:
    return f"({n.occ})" if n.is_operator else n.occ


# --- Expressions (R§3) -----------------------------------------------------------------


def infer_expr(tc: Tc, env: Assumptions, e: ast.Expr[Name]) -> tuple[TExpr, Type]:
    """THIH ``tiExpr``: the typed expression and its type."""
    match e:
        case ast.EVar(span, name):
            occ, t = tc.instantiate(env, name, span)
            return ast.EVar(span, occ), t
        case ast.ECon(span, name):
            occ, t = tc.instantiate(env, name, span)
            return ast.ECon(span, occ), t
        case ast.ELit(span, lit):
            return e, infer_lit(tc, env, span, lit)
        case ast.EApp():
            return _app(tc, env, e)
        case ast.EOpApp(span, left, op, right):
            return _op_app(tc, env, e, span, left, op, right)
        case ast.ENeg(span, inner):
            ti, t = infer_expr(tc, env, inner)
            mt = tc.witness(env, span, "negate", BUILTIN.NEGATE)
            if mt is not None:
                tc.st.unify_at(span, mt, fn(t, t))
            return ast.ENeg(span, ti), t
        case ast.EParen(span, inner):
            ti, t = infer_expr(tc, env, inner)
            return ast.EParen(span, ti), t
        case ast.ELam(span, pats, body):
            return _lambda(tc, env, e, span, pats, body)
        case ast.ELet(span, decls, body):
            tdecls, env2 = _bind_group(tc, env, decls)
            tb, t = infer_expr(tc, env2, body)
            return ast.ELet(span, tdecls, tb), t
        case ast.EIf(span, cond, then, else_):
            return _if(tc, env, span, cond, then, else_)
        case ast.ECase(span, scrut, alts):
            return _case(tc, env, span, scrut, alts)
        case ast.EDo(span, stmts):
            with tc.st.context(lambda: f"In a stmt of a 'do' block: {shown_expr(e)}"):
                return _do(tc, env, span, stmts)
        case ast.ETuple(span, elems):
            typed, ts = _exprs(tc, env, elems)
            return ast.ETuple(span, typed), tuple_type(ts)
        case ast.EList(span, elems):
            return _list(tc, env, span, elems)
        case ast.EArith(span, from_, then, to):
            return _arith(tc, env, span, from_, then, to)
        case ast.EListComp(span, expr, quals):
            return _list_comp(tc, env, span, expr, quals)
        case ast.ELeftSection(span, expr, op):
            return _left_section(tc, env, span, expr, op)
        case ast.ERightSection(span, op, expr):
            return _right_section(tc, env, span, op, expr)
        case ast.ETyped(span, expr, qt):
            return _typed(tc, env, span, expr, qt)
        case ast.ERecCon(span, con, fields):
            return _rec_con(tc, env, span, con, fields)
        case ast.ERecUpd(span, expr, fields):
            return _rec_upd(tc, env, span, expr, fields)
        case ast.EOpChain():
            raise ValueError("operator chain in a renamed tree")


def _exprs(
    tc: Tc, env: Assumptions, es: Sequence[ast.Expr[Name]]
) -> tuple[tuple[TExpr, ...], list[Type]]:
    typed: list[TExpr] = []
    ts: list[Type] = []
    for x in es:
        tx, t = infer_expr(tc, env, x)
        typed.append(tx)
        ts.append(t)
    return tuple(typed), ts


def _arg(
    tc: Tc, env: Assumptions, tf: Type, arg: ast.Expr[Name], n: int, fun: Callable[[], str]
) -> tuple[TExpr, Type]:
    """The ``n``-th argument ``arg`` of a function of type ``tf``: the typed argument
    and the type of the application. When ``tf`` is known to be a function type the
    argument is checked against its domain (``check_expr``), so a mismatch is
    reported inside the argument, as GHC does."""
    with tc.st.context(
        lambda: f"In the {ordinal(n)} argument of ‘{fun()}’, namely ‘{shown_expr(arg)}’"
    ):
        parts = fn_parts(apply(tc.st, tf))
        if parts is not None:
            return check_expr(tc, env, arg, parts[0]), parts[1]
        ta_expr, ta = infer_expr(tc, env, arg)
        result = tc.st.new_tvar(STAR)
        tc.st.unify_at(arg.span, tf, fn(ta, result))
        return ta_expr, result


def _app(tc: Tc, env: Assumptions, e: ast.EApp[Name]) -> tuple[TExpr, Type]:
    spine: list[ast.EApp[Name]] = []
    f: ast.Expr[Name] = e
    while isinstance(f, ast.EApp):
        spine.append(f)
        f = f.fun
    spine.reverse()
    typed, t = infer_expr(tc, env, f)
    head = f

    def fun_text() -> str:
        return shown_expr(head)

    with tc.st.context(lambda: f"In the expression: {shown_expr(e)}"):
        for n, node in enumerate(spine, 1):
            ta_expr, t = _arg(tc, env, t, node.arg, n, fun_text)
            typed = ast.EApp(node.span, typed, ta_expr)
    return typed, t


def _op(tc: Tc, env: Assumptions, op: ast.OpRef[Name]) -> tuple[ast.OpRef[Any], Type]:
    occ, t = tc.instantiate(env, op.name, op.span)
    return ast.OpRef(op.span, occ, op.is_con), t


def _op_app(
    tc: Tc,
    env: Assumptions,
    e: ast.Expr[Name],
    span: SrcSpan,
    left: ast.Expr[Name],
    op: ast.OpRef[Name],
    right: ast.Expr[Name],
) -> tuple[TExpr, Type]:
    top, t = _op(tc, env, op)

    def fun_text() -> str:
        return _op_name(op.name)

    with tc.st.context(lambda: f"In the expression: {shown_expr(e)}"):
        tl_expr, t = _arg(tc, env, t, left, 1, fun_text)
        tr_expr, t = _arg(tc, env, t, right, 2, fun_text)
    return ast.EOpApp(span, tl_expr, top, tr_expr), t


def _lambda(
    tc: Tc,
    env: Assumptions,
    e: ast.Expr[Name],
    span: SrcSpan,
    pats: tuple[ast.Pat[Name], ...],
    body: ast.Expr[Name],
) -> tuple[TExpr, Type]:
    out: list[Bound] = []
    typed, ts = infer_pats(tc, env, pats, out)
    env2 = extend(env, out)
    with tc.st.context(lambda: f"In the expression: {shown_expr(e)}"):
        tb, t = infer_expr(tc, env2, body)
    for a in reversed(ts):
        t = fn(a, t)
    return ast.ELam(span, typed, tb), t


def _check(tc: Tc, env: Assumptions, e: ast.Expr[Name], expected: Type) -> TExpr:
    return check_expr(tc, env, e, expected)


def _if(
    tc: Tc,
    env: Assumptions,
    span: SrcSpan,
    cond: ast.Expr[Name],
    then: ast.Expr[Name],
    else_: ast.Expr[Name],
) -> tuple[TExpr, Type]:
    with tc.st.context(lambda: f"In the condition of an if expression: {shown_expr(cond)}"):
        tcond = _check(tc, env, cond, T_BOOL)
    tt, t = infer_expr(tc, env, then)
    with tc.st.context(lambda: f"In the else branch of an if expression: {shown_expr(else_)}"):
        te = _check(tc, env, else_, t)
    return ast.EIf(span, tcond, tt, te), t


def _case(
    tc: Tc, env: Assumptions, span: SrcSpan, scrut: ast.Expr[Name], alts: tuple[ast.Alt[Name], ...]
) -> tuple[TExpr, Type]:
    ts_expr, ts = infer_expr(tc, env, scrut)
    result = tc.st.new_tvar(STAR)
    typed = tuple(infer_alt(tc, env, a, ts, result) for a in alts)
    return ast.ECase(span, ts_expr, typed), result


def infer_alt(
    tc: Tc, env: Assumptions, a: ast.Alt[Name], scrut: Type, result: Type
) -> ast.Alt[Any]:
    """A case alternative ``pat -> rhs`` against the scrutinee and result types."""
    with tc.st.context(lambda: f"In a case alternative: {shown_pat(a.pat)} -> ..."):
        out: list[Bound] = []
        tp, t = infer_pat(tc, env, a.pat, out)
        tc.st.unify_at(a.pat.span, scrut, t)
        trhs, _ = infer_rhs(tc, extend(env, out), a.rhs, result)
    return ast.Alt(a.span, tp, trhs)


def _list(
    tc: Tc, env: Assumptions, span: SrcSpan, elems: tuple[ast.Expr[Name], ...]
) -> tuple[TExpr, Type]:
    t = tc.st.new_tvar(STAR)
    typed: list[TExpr] = []
    for x in elems:
        with tc.st.context(_in_expr(x)):
            typed.append(_check(tc, env, x, t))
    return ast.EList(span, tuple(typed)), list_type(t)


_ENUM_METHODS = {
    (False, False): BUILTIN.ENUM_FROM,
    (True, False): BUILTIN.ENUM_FROM_THEN,
    (False, True): BUILTIN.ENUM_FROM_TO,
    (True, True): BUILTIN.ENUM_FROM_THEN_TO,
}


def _arith(
    tc: Tc,
    env: Assumptions,
    span: SrcSpan,
    from_: ast.Expr[Name],
    then: ast.Expr[Name] | None,
    to: ast.Expr[Name] | None,
) -> tuple[TExpr, Type]:
    """R§3.10: ``[a, b .. c]`` is ``enumFromThenTo a b c``, so ``Enum t => [t]``."""
    t = tc.st.new_tvar(STAR)
    tf = _check(tc, env, from_, t)
    tt = None if then is None else _check(tc, env, then, t)
    tto = None if to is None else _check(tc, env, to, t)
    method = _ENUM_METHODS[(then is not None, to is not None)]
    mt = tc.witness(env, span, method.occ, method)
    result = list_type(t)
    if mt is not None:
        expected = result
        for present in (to, then, from_):
            if present is not None:
                expected = fn(t, expected)
        tc.st.unify_at(span, mt, expected)
    return ast.EArith(span, tf, tt, tto), result


def _stmts_comp(
    tc: Tc, env: Assumptions, quals: Sequence[ast.Stmt[Name]]
) -> tuple[tuple[ast.Stmt[Any], ...], Assumptions]:
    typed: list[ast.Stmt[Any]] = []
    for q in quals:
        match q:
            case ast.SBind(span, pat, expr):
                te, t = infer_expr(tc, env, expr)
                out: list[Bound] = []
                tp, tpat = infer_pat(tc, env, pat, out)
                tc.st.unify_at(expr.span, list_type(tpat), t)
                env = extend(env, out)
                typed.append(ast.SBind(span, tp, te))
            case ast.SLet(span, decls):
                tdecls, env = _bind_group(tc, env, decls)
                typed.append(ast.SLet(span, tdecls))
            case ast.SExpr(span, expr):
                typed.append(ast.SExpr(span, _check(tc, env, expr, T_BOOL)))
    return tuple(typed), env


def _list_comp(
    tc: Tc,
    env: Assumptions,
    span: SrcSpan,
    expr: ast.Expr[Name],
    quals: tuple[ast.Stmt[Name], ...],
) -> tuple[TExpr, Type]:
    """R§3.11: generators over lists, boolean guards, ``let``."""
    typed, env2 = _stmts_comp(tc, env, quals)
    te, t = infer_expr(tc, env2, expr)
    return ast.EListComp(span, te, typed), list_type(t)


def _do(
    tc: Tc, env: Assumptions, span: SrcSpan, stmts: tuple[ast.Stmt[Name], ...]
) -> tuple[TExpr, Type]:
    """R§3.14: ``e; stmts`` is ``e >> do stmts``, ``p <- e; stmts`` is ``e >>= \\p ->
    do stmts`` (with ``fail`` if ``p`` can fail), ``let ds; stmts`` a ``let``."""
    m = tc.st.new_tvar(KFun(STAR, STAR))
    typed: list[ast.Stmt[Any]] = []
    result: Type | None = None
    for n, s in enumerate(stmts):
        last = n == len(stmts) - 1
        match s:
            case ast.SExpr(sspan, expr):
                te, t = infer_expr(tc, env, expr)
                a = tc.st.new_tvar(STAR)
                tc.st.unify_at(expr.span, TAp(m, a), t)
                typed.append(ast.SExpr(sspan, te))
                if last:
                    result = t
                else:
                    _monad_op(tc, env, sspan, ">>", BUILTIN.THEN, m, a)
            case ast.SBind(sspan, pat, expr):
                te, t = infer_expr(tc, env, expr)
                out: list[Bound] = []
                tp, tpat = infer_pat(tc, env, pat, out)
                tc.st.unify_at(expr.span, TAp(m, tpat), t)
                _monad_op(tc, env, sspan, ">>=", BUILTIN.BIND, m, tpat)
                if not irrefutable(tc, pat):
                    ft = tc.witness(env, sspan, "fail", BUILTIN.FAIL)
                    if ft is not None:
                        tc.st.unify_at(
                            sspan, ft, fn(list_type(T_CHAR), TAp(m, tc.st.new_tvar(STAR)))
                        )
                env = extend(env, out)
                typed.append(ast.SBind(sspan, tp, te))
            case ast.SLet(sspan, decls):
                tdecls, env = _bind_group(tc, env, decls)
                typed.append(ast.SLet(sspan, tdecls))
        if last and not isinstance(s, ast.SExpr):
            tc.st.report("T001", s.span, "The last statement in a 'do' block must be an expression")
    if result is None:
        result = TAp(m, tc.st.new_tvar(STAR))
    return ast.EDo(span, tuple(typed)), result


def _monad_op(
    tc: Tc, env: Assumptions, span: SrcSpan, role: str, method: Name, m: Type, a: Type
) -> None:
    """Record ``>>=`` or ``>>`` at ``m``: ``m a -> (a -> m b) -> m b`` or ``m a -> m b -> m b``."""
    mt = tc.witness(env, span, role, method)
    if mt is None:
        return
    b = TAp(m, tc.st.new_tvar(STAR))
    second = fn(a, b) if role == ">>=" else b
    tc.st.unify_at(span, mt, fn(TAp(m, a), fn(second, b)))


def _left_section(
    tc: Tc, env: Assumptions, span: SrcSpan, expr: ast.Expr[Name], op: ast.OpRef[Name]
) -> tuple[TExpr, Type]:
    """R§3.5: ``(e op)`` is ``\\y -> e op y``."""
    top, t = _op(tc, env, op)
    te, t = _arg(tc, env, t, expr, 1, lambda: _op_name(op.name))
    return ast.ELeftSection(span, te, top), t


def _right_section(
    tc: Tc, env: Assumptions, span: SrcSpan, op: ast.OpRef[Name], expr: ast.Expr[Name]
) -> tuple[TExpr, Type]:
    """R§3.5: ``(op e)`` is ``\\x -> x op e``."""
    top, t = _op(tc, env, op)
    te, tb = infer_expr(tc, env, expr)
    a, b, r = (tc.st.new_tvar(STAR) for _ in range(3))
    with tc.st.context(lambda: f"In the second argument of ‘{_op_name(op.name)}’"):
        tc.st.unify_at(op.span, fn(a, fn(b, r)), t)
        tc.st.unify_at(expr.span, b, tb)
    return ast.ERightSection(span, top, te), fn(a, r)


def _typed(
    tc: Tc, env: Assumptions, span: SrcSpan, expr: ast.Expr[Name], qt: ast.QualType[Name]
) -> tuple[TExpr, Type]:
    """R§3.16: ``e :: sig`` checks ``e`` against the signature, then uses it at an
    instance of the signature's scheme."""
    from ifacedir.typecheck.bindings import check_expr_sig  # a cycle, as for let

    te, t = check_expr_sig(tc, env, span, expr, qt)
    return ast.ETyped(span, te, qt), t


def _rec_con(
    tc: Tc, env: Assumptions, span: SrcSpan, con: Name, fields: tuple[ast.FieldBind[Name], ...]
) -> tuple[TExpr, Type]:
    """R§3.15.2: ``C {f = e}``; missing fields are undefined (GHC warns)."""
    occ, t = tc.instantiate(env, con, span)
    args, result = con_parts(tc, apply(tc.st, t))
    info = tc.cons.get(con)
    typed: list[ast.FieldBind[Any]] = []
    for f in fields:
        tv, tf = infer_expr(tc, env, f.value)
        typed.append(ast.FieldBind(f.span, f.field, tv))
        if info is None or f.field not in info.labels:
            message = f"Constructor ‘{con.occ}’ does not have field ‘{f.field.occ}’"
            tc.st.report("T017", span, message)
            continue
        with tc.st.context(f"In the ‘{f.field.occ}’ field of a record"):
            tc.st.unify_at(f.value.span, args[info.labels.index(f.field)], tf)
    if info is not None:
        given = {f.field for f in fields}
        missing = [
            lb.occ for lb, s in zip(info.labels, info.strict, strict=False) if s and lb not in given
        ]
        if any(info.strict) and not info.labels:
            missing = ["its positional fields"]
        if missing:
            message = (
                f"Constructor ‘{con.occ}’ does not have the required strict field(s): "
                + ", ".join(missing)
            )
            tc.st.report("T017", span, message)
    return ast.ERecCon(span, occ, tuple(typed)), result


def _rec_upd(
    tc: Tc,
    env: Assumptions,
    span: SrcSpan,
    expr: ast.Expr[Name],
    fields: tuple[ast.FieldBind[Name], ...],
) -> tuple[TExpr, Type]:
    """R§3.15.3: ``e {f = v}``: some constructor has every field. The update may change
    the type parameters that appear only in updated fields (``p {first = 'x'}`` turns a
    ``Pair Int b`` into a ``Pair Char b``), as in GHC."""
    te, t = infer_expr(tc, env, expr)
    labels = [f.field for f in fields]
    cons = [
        c for c in tc.fields.get(labels[0], ()) if all(lb in tc.cons[c].labels for lb in labels)
    ]
    typed: list[ast.FieldBind[Any]] = []
    values: list[Type] = []
    for f in fields:
        tv, tf = infer_expr(tc, env, f.value)
        typed.append(ast.FieldBind(f.span, f.field, tv))
        values.append(tf)
    result = ast.ERecUpd(span, te, tuple(typed))
    schemes = [env.find(c) for c in cons]
    if not cons or any(sc is None for sc in schemes):
        names = ", ".join(f"‘{lb.occ}’" for lb in labels)
        tc.st.report("T017", span, f"No constructor has all these fields: {names}")
        return result, t
    first = schemes[0]
    assert first is not None
    fixed: set[int] = set()
    for c, sc in zip(cons, schemes, strict=True):
        assert sc is not None
        args, _ = con_parts(tc, sc.qual.head)
        for lb, arg in zip(tc.cons[c].labels, args, strict=False):
            if lb not in labels:
                fixed.update(free_gens(arg))
    ts_in = tuple(tc.st.new_tvar(k) for k in first.kinds)
    ts_out = tuple(ts_in[i] if i in fixed else tc.st.new_tvar(k) for i, k in enumerate(first.kinds))
    args, res = con_parts(tc, first.qual.head)
    tc.st.unify_at(expr.span, instantiate(ts_in, res), t)
    own = tc.cons[cons[0]].labels
    for f, tf in zip(fields, values, strict=True):
        with tc.st.context(f"In the ‘{f.field.occ}’ field of a record"):
            tc.st.unify_at(f.value.span, instantiate(ts_out, args[own.index(f.field)]), tf)
    return result, instantiate(ts_out, res)


# --- Right-hand sides and matches ----------------------------------------------------------


def infer_rhs(
    tc: Tc, env: Assumptions, rhs: ast.Rhs[Name], expected: Type | None = None
) -> tuple[ast.Rhs[Any], Type]:
    """``= e`` or ``| guards = e ...``, under its ``where`` bindings (R§4.4.3); with
    ``expected`` (from a signature), each body is checked against it."""
    twhere, env2 = _bind_group(tc, env, rhs.where) if rhs.where else ((), env)
    t = tc.st.new_tvar(STAR) if expected is None else expected
    if rhs.body is not None:
        tb = check_expr(tc, env2, rhs.body, t)
        return ast.Rhs(rhs.span, tb, (), twhere), t
    typed = tuple(_guarded(tc, env2, g, t) for g in rhs.guarded)
    return ast.Rhs(rhs.span, None, typed, twhere), t


def _guarded(
    tc: Tc, env: Assumptions, g: ast.GuardedRhs[Name], result: Type
) -> ast.GuardedRhs[Any]:
    typed: list[ast.Stmt[Any]] = []
    for s in g.guards:
        match s:
            case ast.SExpr(span, expr):
                with tc.st.context(_in_guard(expr)):
                    typed.append(ast.SExpr(span, _check(tc, env, expr, T_BOOL)))
            case ast.SBind(span, pat, expr):
                te, t = infer_expr(tc, env, expr)
                out: list[Bound] = []
                tp, tpat = infer_pat(tc, env, pat, out)
                tc.st.unify_at(pat.span, t, tpat)
                env = extend(env, out)
                typed.append(ast.SBind(span, tp, te))
            case ast.SLet(span, decls):
                tdecls, env = _bind_group(tc, env, decls)
                typed.append(ast.SLet(span, tdecls))
    tb = check_expr(tc, env, g.body, result)
    return ast.GuardedRhs(g.span, tuple(typed), tb)


def infer_match(
    tc: Tc, env: Assumptions, m: ast.Match[Name], expected: Type | None = None
) -> tuple[ast.Match[Any], Type]:
    """One clause ``f p1 ... pn rhs``: the type ``t1 -> ... -> tn -> t``. With
    ``expected`` (a signature's type), each pattern and the right-hand side are
    checked against their part of it, so that errors point into the clause."""
    out: list[Bound] = []
    typed: list[TPat] = []
    ts: list[Type] = []
    for q in m.pats:
        tq, t = infer_pat(tc, env, q, out)
        typed.append(tq)
        ts.append(t)
        parts = None if expected is None else fn_parts(apply(tc.st, expected))
        if parts is not None:
            tc.st.unify_at(q.span, parts[0], t)
            expected = parts[1]
        else:
            expected = None
    trhs, t = infer_rhs(tc, extend(env, out), m.rhs, expected)
    for a in reversed(ts):
        t = fn(a, t)
    return ast.Match(m.span, tuple(typed), trhs, m.infix), t


def check_expr(tc: Tc, env: Assumptions, e: ast.Expr[Name], expected: Type) -> TExpr:
    """``e`` against a known type: pushed into parentheses, ``let``, ``if`` and ``case``
    so a mismatch is reported at the innermost expression that has the wrong type."""
    match e:
        case ast.EParen(span, inner):
            return ast.EParen(span, check_expr(tc, env, inner, expected))
        case ast.ELet(span, decls, body):
            tdecls, env2 = _bind_group(tc, env, decls)
            return ast.ELet(span, tdecls, check_expr(tc, env2, body, expected))
        case ast.EIf(span, cond, then, else_):
            with tc.st.context(lambda: f"In the condition of an if expression: {shown_expr(cond)}"):
                tcond = check_expr(tc, env, cond, T_BOOL)
            tt = check_expr(tc, env, then, expected)
            te = check_expr(tc, env, else_, expected)
            return ast.EIf(span, tcond, tt, te)
        case ast.ECase(span, scrut, alts):
            ts_expr, ts = infer_expr(tc, env, scrut)
            typed = tuple(infer_alt(tc, env, a, ts, expected) for a in alts)
            return ast.ECase(span, ts_expr, typed)
        case _:
            te, t = infer_expr(tc, env, e)
            tc.st.unify_at(e.span, expected, t)
            return te
