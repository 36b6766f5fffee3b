"""Walks over Core (ifacedir.syntax.core), all with explicit stacks.

Core trees can be as deep as the source is long (a 10,000-element list literal is a
10,000-deep chain of ``(:)``), so nothing here recurses:

* ``children(e)``: the direct subexpressions of an expression, in evaluation-order
  reading (function before arguments, scrutinee before alternatives);
* ``occurrences(e)``: the names of every variable occurrence inside ``e``;
* ``binders(e)``: the names of every variable bound inside ``e``;
* ``free_names(e)``: occurrences not bound inside ``e``. Core's locals have distinct
  uniques within a module (spec/CORE.md §4: no shadowing), so a name is free in ``e``
  exactly when it occurs in ``e`` and is bound nowhere in it;
* ``size(e)``: the number of nodes, for inlining decisions;
* ``rebuild(e, kids, binders)``: ``e`` with its children replaced by ``kids`` (in
  ``children`` order) and, if given, the variables it binds by ``binders`` (in
  ``bound_here`` order): the one place that knows how each node is put together, for
  rewrites that map over a tree.
"""

from __future__ import annotations

from collections.abc import Iterator

from ifacedir.syntax import core
from ifacedir.syntax.names import Name

__all__ = [
    "binders",
    "bound_here",
    "children",
    "free_names",
    "iter_nodes",
    "occurrences",
    "rebuild",
    "size",
]


def children(e: core.Expr) -> tuple[core.Expr, ...]:
    """The direct subexpressions of ``e``."""
    match e:
        case core.App(f, args):
            return (f, *args)
        case core.Lam(_, body):
            return (body,)
        case core.Let(b, body):
            return (b.rhs, body)
        case core.LetRec(binds, body):
            return (*(b.rhs for b in binds), body)
        case core.Case(scrut, _, _, alts):
            return (scrut, *(a.rhs for a in alts))
        case core.ConApp(_, args) | core.PrimOp(_, _, args, _):
            return tuple(args)
        case _:
            return ()


def bound_here(e: core.Expr) -> tuple[core.CoreVar, ...]:
    """The variables ``e`` itself binds (not those of its subexpressions)."""
    match e:
        case core.Lam(params, _):
            return params
        case core.Let(b, _):
            return (b.var,)
        case core.LetRec(binds, _):
            return tuple(b.var for b in binds)
        case core.Case(_, binder, _, alts):
            out = [binder]
            for a in alts:
                if isinstance(a, core.ConAlt):
                    out.extend(a.vars)
            return tuple(out)
        case _:
            return ()


def iter_nodes(e: core.Expr) -> Iterator[core.Expr]:
    """Every node of ``e``, parents before children."""
    stack = [e]
    while stack:
        x = stack.pop()
        yield x
        stack.extend(reversed(children(x)))


def occurrences(e: core.Expr) -> set[Name]:
    return {x.name for x in iter_nodes(e) if isinstance(x, core.CoreVar)}


def binders(e: core.Expr) -> set[Name]:
    return {v.name for x in iter_nodes(e) for v in bound_here(x)}


def free_names(e: core.Expr) -> set[Name]:
    """Names occurring in ``e`` and not bound inside it (see the module docstring)."""
    occ: set[Name] = set()
    bound: set[Name] = set()
    for x in iter_nodes(e):
        if isinstance(x, core.CoreVar):
            occ.add(x.name)
        else:
            bound.update(v.name for v in bound_here(x))
    return occ - bound


def size(e: core.Expr) -> int:
    return sum(1 for _ in iter_nodes(e))


def rebuild(
    e: core.Expr,
    kids: list[core.Expr],
    binders: list[core.CoreVar] | None = None,
) -> core.Expr:
    """``e`` with new children (and binders); see the module docstring."""
    vs = list(bound_here(e)) if binders is None else binders
    match e:
        case core.App():
            return core.App(kids[0], tuple(kids[1:]))
        case core.Lam():
            return core.Lam(tuple(vs), kids[0])
        case core.Let():
            return core.Let(core.Bind(vs[0], kids[0]), kids[1])
        case core.LetRec(binds, _):
            new = tuple(core.Bind(v, k) for v, k in zip(vs, kids, strict=False))
            return core.LetRec(new, kids[len(binds)])
        case core.Case(_, _, t, alts):
            binder, rest = vs[0], vs[1:]
            out: list[core.Alt] = []
            for a, rhs in zip(alts, kids[1:], strict=True):
                if isinstance(a, core.ConAlt):
                    n = len(a.vars)
                    out.append(core.ConAlt(a.con, tuple(rest[:n]), rhs))
                    rest = rest[n:]
                elif isinstance(a, core.LitAlt):
                    out.append(core.LitAlt(a.lit, rhs))
                else:
                    out.append(core.DefaultAlt(rhs))
            return core.Case(kids[0], binder, t, tuple(out))
        case core.ConApp(con, _):
            return core.ConApp(con, tuple(kids))
        case core.PrimOp(entity, arity, _, t):
            return core.PrimOp(entity, arity, tuple(kids), t)
        case _:
            return e
