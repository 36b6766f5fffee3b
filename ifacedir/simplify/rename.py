"""Copying Core with fresh binders, and replacing one variable by an expression.

Core's locals must have distinct uniques within a module (spec/CORE.md §4). An
expression copied into a second place (a global function inlined at a call, an
imported unfolding) would bind the same locals twice, so every copy is *cloned*: each
local it binds gets a fresh unique from the module's ``Supply`` and its occurrences
follow. Globals and free locals are left as they are.

``replace(e, name, by)`` puts ``by`` in place of every occurrence of ``name`` in
``e``; the simplifier uses it for a binding used exactly once, so ``by`` is never
copied and needs no cloning.

Both rebuild only what changes and recurse over the tree; callers run under
``run_deep``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ifacedir.syntax import core
from ifacedir.syntax.corewalk import bound_here, iter_nodes
from ifacedir.syntax.names import Name, NameSpace

__all__ = ["Supply", "clone", "max_local_unique", "replace"]


class Supply:
    """Fresh local uniques for one module."""

    def __init__(self, first: int) -> None:
        self.next = first

    def fresh(self, v: core.CoreVar) -> core.CoreVar:
        unique = self.next
        self.next += 1
        return core.CoreVar(Name.local(v.name.occ, NameSpace.VAR, unique), v.type)


def max_local_unique(exprs: Iterable[core.Expr]) -> int:
    top = 0
    for e in exprs:
        for node in iter_nodes(e):
            for v in bound_here(node):
                top = max(top, v.name.unique)
            if isinstance(node, core.CoreVar) and not node.name.is_global:
                top = max(top, node.name.unique)
    return top


def clone(e: core.Expr, supply: Supply) -> core.Expr:
    """``e`` with every local it binds renamed to a fresh one."""
    return _Cloner(supply).expr(e)


class _Cloner:
    def __init__(self, supply: Supply) -> None:
        self.supply = supply
        self.names: dict[Name, Name] = {}

    def bind(self, v: core.CoreVar) -> core.CoreVar:
        new = self.supply.fresh(v)
        self.names[v.name] = new.name
        return new

    def bind_all(self, vs: tuple[core.CoreVar, ...]) -> tuple[core.CoreVar, ...]:
        return tuple(self.bind(v) for v in vs)

    def expr(self, e: core.Expr) -> core.Expr:
        match e:
            case core.CoreVar(name, t):
                renamed = self.names.get(name)
                return e if renamed is None else core.CoreVar(renamed, t)
            case core.App(f, args):
                return core.App(self.expr(f), tuple(self.expr(a) for a in args))
            case core.Lam(params, body):
                ps = self.bind_all(params)
                return core.Lam(ps, self.expr(body))
            case core.Let(b, body):
                rhs = self.expr(b.rhs)
                lv = self.bind(b.var)
                return core.Let(core.Bind(lv, rhs), self.expr(body))
            case core.LetRec(binds, body):
                vs = self.bind_all(tuple(b.var for b in binds))
                new = tuple(core.Bind(v, self.expr(b.rhs)) for v, b in zip(vs, binds, strict=True))
                return core.LetRec(new, self.expr(body))
            case core.Case(scrut, binder, t, alts):
                s = self.expr(scrut)
                cb = self.bind(binder)
                return core.Case(s, cb, t, tuple(self.alt(a) for a in alts))
            case core.ConApp(con, args):
                return core.ConApp(con, tuple(self.expr(a) for a in args)) if args else e
            case core.PrimOp(entity, arity, args, t):
                return core.PrimOp(entity, arity, tuple(self.expr(a) for a in args), t)
            case _:
                return e

    def alt(self, a: core.Alt) -> core.Alt:
        match a:
            case core.ConAlt(con, vs, rhs):
                return core.ConAlt(con, self.bind_all(vs), self.expr(rhs))
            case core.LitAlt(lit, rhs):
                return core.LitAlt(lit, self.expr(rhs))
            case core.DefaultAlt(rhs):
                return core.DefaultAlt(self.expr(rhs))


def replace(e: core.Expr, name: Name, by: core.Expr) -> core.Expr:
    """``e`` with ``by`` for every occurrence of ``name`` (see the module docstring)."""
    return _Replacer(name, by).expr(e)


class _Replacer:
    def __init__(self, name: Name, by: core.Expr) -> None:
        self.name = name
        self.by = by

    def expr(self, e: core.Expr) -> core.Expr:
        match e:
            case core.CoreVar(name, _):
                return self.by if name == self.name else e
            case core.App(f, args):
                return core.App(self.expr(f), tuple(self.expr(a) for a in args))
            case core.Lam(params, body):
                return core.Lam(params, self.expr(body))
            case core.Let(b, body):
                return core.Let(core.Bind(b.var, self.expr(b.rhs)), self.expr(body))
            case core.LetRec(binds, body):
                new = tuple(core.Bind(b.var, self.expr(b.rhs)) for b in binds)
                return core.LetRec(new, self.expr(body))
            case core.Case(scrut, binder, t, alts):
                return core.Case(self.expr(scrut), binder, t, tuple(self.alt(a) for a in alts))
            case core.ConApp(con, args):
                return core.ConApp(con, tuple(self.expr(a) for a in args)) if args else e
            case core.PrimOp(entity, arity, args, t):
                return core.PrimOp(entity, arity, tuple(self.expr(a) for a in args), t)
            case _:
                return e

    def alt(self, a: core.Alt) -> core.Alt:
        match a:
            case core.ConAlt(con, vs, rhs):
                return core.ConAlt(con, vs, self.expr(rhs))
            case core.LitAlt(lit, rhs):
                return core.LitAlt(lit, self.expr(rhs))
            case core.DefaultAlt(rhs):
                return core.DefaultAlt(self.expr(rhs))
