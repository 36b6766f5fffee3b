"""Value bindings: function and pattern bindings to Core, in dependency groups.

A declaration list (the top level, a ``let``, a ``where``) desugars in three steps:

1. each ``FunBind`` becomes one Core binding: a lambda over its dictionary parameters
   (one per ``EvAssumed`` of its binder, Note [Binders and their dictionaries] in
   ifacedir.typecheck.tcenv), then over one variable per argument, then the match of
   its clauses (ifacedir.desugar.match), failing with GHC's "Non-exhaustive patterns
   in function f"; recursive uses inside an implicit group get the group's
   dictionaries (Note [Recursive uses inside a group] in ifacedir.desugar.context);
2. each ``PatBind`` ``p = e`` becomes a binding of a fresh variable to ``e`` and one
   lazy selector per variable of ``p`` (Report §4.4.3.2: pattern bindings are lazy);
3. the bindings are split into strongly connected components by their free
   variables, in source order (ifacedir.util.graph): a ``let`` becomes nested ``Let``
   and ``LetRec``, the top level a sequence of ``BindGroup``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from ifacedir.desugar import messages
from ifacedir.desugar.context import Ds, arg_types, lam, result_type
from ifacedir.desugar.env import ANY, use
from ifacedir.desugar.match import Eqn, lazy_binds, match
from ifacedir.desugar.typeof import pat_type
from ifacedir.syntax import ast, core
from ifacedir.syntax.corewalk import free_names
from ifacedir.syntax.evidence import TcName
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import Pred, Type, to_scheme
from ifacedir.util.graph import sccs

__all__ = ["fun_bind", "local_binds", "top_groups", "value_binds"]

TDecl: TypeAlias = "ast.Decl[TcName]"


def local_binds(ds: Ds, decls: Sequence[TDecl], body: Callable[[], core.Expr]) -> core.Expr:
    """``let decls in body()``, with ``body`` desugared once the bindings are."""
    binds = value_binds(ds, decls, top=False)
    return _nest(binds, body())


def value_binds(ds: Ds, decls: Sequence[TDecl], *, top: bool) -> list[core.Bind]:
    """The Core bindings of the function and pattern bindings among ``decls``."""
    funs = [d for d in decls if isinstance(d, ast.FunBind)]
    groups: dict[tuple[Pred, ...], list[Name]] = {}
    for f in funs:
        key = _group_key(f.name)
        if key:
            groups.setdefault(key, []).append(f.name.name)
    out: list[core.Bind] = []
    for d in decls:
        if isinstance(d, ast.FunBind):
            out.append(fun_bind(ds, d, groups.get(_group_key(d.name), [])))
        elif isinstance(d, ast.PatBind):
            out.extend(_pattern_bind(ds, d, top))
    return out


def _group_key(tn: TcName) -> tuple[Pred, ...]:
    return tuple(ev.pred for ev in tn.evidence)


def fun_bind(ds: Ds, b: ast.FunBind[TcName], group: Sequence[Name] = ()) -> core.Bind:
    """One function binding: dictionaries, then arguments, then its clauses."""
    tn = b.name
    dvars = [ds.env.fresh_dict(ev.pred) for ev in tn.evidence]
    dicts = tuple(use(v) for v in dvars)
    given = [(ev.pred, d) for ev, d in zip(tn.evidence, dicts, strict=True)]
    with ds.given(given), ds.monomorphic(group if dicts else (), dicts):
        body = function_body(ds, b, tn.type)
    scheme = tn.scheme if tn.scheme is not None else to_scheme(tn.type or ANY)
    return core.Bind(core.CoreVar(tn.name, scheme), lam(dvars, body))


def function_body(ds: Ds, b: ast.FunBind[TcName], mono: object) -> core.Expr:
    """The clauses of ``b`` as a lambda over its arguments (no lambda for a variable)."""
    from ifacedir.desugar.expr import lambda_params
    from ifacedir.desugar.rhs import can_fail, rhs_expr

    t = b.name.type if b.name.type is not None else None
    n = len(b.matches[0].pats)
    res_t = result_type(t, n)
    fail = core.PatError(messages.in_function(b.span, b.name.name.occ), res_t)
    if n == 0:
        return rhs_expr(ds, b.matches[0].rhs, fail, res_t)
    params = lambda_params(ds, b.matches[0].pats, arg_types(t, n))
    eqns = [Eqn(m.pats, _clause(ds, m.rhs, res_t), can_fail(m.rhs)) for m in b.matches]
    del mono
    return core.Lam(tuple(params), match(ds, [use(p) for p in params], eqns, fail, res_t))


def _clause(ds: Ds, rhs: ast.Rhs[TcName], t: Type) -> Callable[[core.Expr], core.Expr]:
    from ifacedir.desugar.rhs import rhs_expr

    return lambda fail: rhs_expr(ds, rhs, fail, t)


def _pattern_bind(ds: Ds, d: ast.PatBind[TcName], top: bool) -> list[core.Bind]:
    """``p = e``: a variable for ``e``, and a lazy selector per variable of ``p``."""
    from ifacedir.desugar.rhs import rhs_expr

    t = pat_type(ds, d.pat) or ANY
    name = ds.env.pattern_bind_name() if top else ds.env.fresh("pat", t).name
    whole = core.CoreVar(name, to_scheme(t))
    message = messages.irrefutable(d.span, d.pat)
    selectors = lazy_binds(ds, use(whole), d.pat, message)
    value = rhs_expr(ds, d.rhs, core.PatError(message, t), t)
    return [core.Bind(whole, value), *selectors]


# --- Dependency groups -------------------------------------------------------------------------


def _components(binds: Sequence[core.Bind]) -> list[tuple[bool, list[core.Bind]]]:
    by_name = {b.var.name: b for b in binds}
    order = list(by_name)
    edges: dict[Name, list[Name]] = {}
    for b in binds:
        free = free_names(b.rhs)
        edges[b.var.name] = [n for n in order if n in free]
    out: list[tuple[bool, list[core.Bind]]] = []
    for comp in sccs(order, edges):
        group = [by_name[n] for n in comp]
        recursive = len(group) > 1 or group[0].var.name in edges[group[0].var.name]
        out.append((recursive, group))
    return out


def _nest(binds: Sequence[core.Bind], body: core.Expr) -> core.Expr:
    for recursive, group in reversed(_components(binds)):
        body = core.LetRec(tuple(group), body) if recursive else core.Let(group[0], body)
    return body


def top_groups(binds: Sequence[core.Bind]) -> tuple[core.BindGroup, ...]:
    """The top-level bindings as binding groups in dependency order."""
    return tuple(core.BindGroup(rec, tuple(group)) for rec, group in _components(binds))
