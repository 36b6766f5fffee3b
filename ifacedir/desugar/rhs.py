"""Right-hand sides: guards (Report §3.13) and ``where`` (Report §4.4.3).

``rhs_expr(ds, rhs, fail, t)`` is the Core of a right-hand side given the expression
to fall through to when every guard fails (the next equation, or a pattern-match
error). ``where`` bindings scope over all the guards and bodies, so they are bound
first, around the whole guard chain. Each guarded alternative is a sequence of
guards tried left to right:

* a boolean guard ``b`` continues when ``b`` is ``True`` (``otherwise`` and ``True``
  always do, and make no test);
* a pattern guard ``p <- e`` matches ``e`` against ``p`` (through the match compiler,
  binding ``p``'s variables for the rest);
* ``let ds`` binds ``ds`` for the rest.

When a guard fails, the next alternative is tried, and after the last one ``fail``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ifacedir.desugar import binds as _binds
from ifacedir.desugar.context import Ds, bool_case
from ifacedir.desugar.env import ANY, DsError, use
from ifacedir.desugar.match import Eqn, match, shared
from ifacedir.desugar.typeof import expr_type
from ifacedir.syntax import ast, core
from ifacedir.syntax.evidence import TcName
from ifacedir.syntax.types import Type

__all__ = ["can_fail", "rhs_expr"]


def can_fail(rhs: ast.Rhs[TcName]) -> bool:
    """Whether every guarded alternative may fail (an unguarded body never does)."""
    from ifacedir.desugar.expr import is_otherwise

    if rhs.body is not None:
        return False
    return not any(all(is_otherwise(s) for s in g.guards) for g in rhs.guarded)


def rhs_expr(ds: Ds, rhs: ast.Rhs[TcName], fail: core.Expr, t: Type) -> core.Expr:
    """The Core of ``rhs``; ``fail`` when all its guards fail."""
    from ifacedir.desugar.expr import expr

    def body() -> core.Expr:
        if rhs.body is not None:
            return expr(ds, rhs.body)
        return shared(ds, fail, t, lambda f: _alternatives(ds, rhs.guarded, f, t))

    if rhs.where:
        return _binds.local_binds(ds, rhs.where, body)
    return body()


def _alternatives(
    ds: Ds, alts: Sequence[ast.GuardedRhs[TcName]], fail: core.Expr, t: Type
) -> core.Expr:
    from ifacedir.desugar.expr import expr

    def chain(i: int) -> core.Expr:
        if i == len(alts):
            return fail
        g = alts[i]
        rest = chain(i + 1) if i + 1 < len(alts) else fail
        return shared(ds, rest, t, lambda f: _guards(ds, g.guards, lambda: expr(ds, g.body), f, t))

    return chain(0)


def _guards(
    ds: Ds,
    stmts: Sequence[ast.Stmt[TcName]],
    success: Callable[[], core.Expr],
    fail: core.Expr,
    t: Type,
) -> core.Expr:
    from ifacedir.desugar.expr import expr, is_otherwise

    if not stmts:
        return success()
    s, rest = stmts[0], stmts[1:]
    match s:
        case ast.SExpr(_, cond):
            if is_otherwise(s):
                return _guards(ds, rest, success, fail, t)
            return bool_case(ds, expr(ds, cond), _guards(ds, rest, success, fail, t), fail, t)
        case ast.SLet(_, decls):
            return _binds.local_binds(ds, decls, lambda: _guards(ds, rest, success, fail, t))
        case ast.SBind(_, p, e):
            v = ds.env.fresh("ds", expr_type(ds, e) or ANY)
            value = expr(ds, e)
            eqn = Eqn((p,), lambda f: _guards(ds, rest, success, f, t), can_fail=True)
            return core.Let(core.Bind(v, value), match(ds, [use(v)], [eqn], fail, t))
    raise DsError(f"unknown guard {type(s).__name__}")
