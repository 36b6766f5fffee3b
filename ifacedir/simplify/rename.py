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
from ifacedir.syntax.corewalk import bound_here, children, iter_nodes, rebuild
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

    def expr(self, e: core.Expr) -> core.Expr:
        if isinstance(e, core.CoreVar):
            renamed = self.names.get(e.name)
            return e if renamed is None else core.CoreVar(renamed, e.type)
        fresh = []
        for v in bound_here(e):
            new = self.supply.fresh(v)
            self.names[v.name] = new.name
            fresh.append(new)
        return rebuild(e, [self.expr(c) for c in children(e)], fresh)


def replace(e: core.Expr, name: Name, by: core.Expr) -> core.Expr:
    """``e`` with ``by`` for every occurrence of ``name`` (see the module docstring)."""

    def go(x: core.Expr) -> core.Expr:
        if isinstance(x, core.CoreVar):
            return by if x.name == name else x
        kids = children(x)
        return rebuild(x, [go(c) for c in kids]) if kids else x

    return go(e)
