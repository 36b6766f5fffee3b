"""Scopes for the interpreter's compiler (ifacedir.backend.interp_compile).

* ``Layout``: the slots of one activation being compiled (a lambda body, a thunk
  body) and what each variable in scope resolves to, a slot or a known value. See
  Note [Environments are flat] in ifacedir.backend.interp_code.
* ``FreeVars``: the free local variables of an expression, memoised per node. They
  decide what a closure or a thunk captures. The walk recurses over the tree, so the
  compiler runs it under ``run_deep``.
"""

from __future__ import annotations

from typing import Final

from ifacedir.backend.interp_code import Const
from ifacedir.syntax.core import (
    App,
    Case,
    ConAlt,
    ConApp,
    CoreVar,
    DefaultAlt,
    Expr,
    Lam,
    Let,
    LetRec,
    LitAlt,
    PrimOp,
)
from ifacedir.syntax.names import Name

__all__ = ["FreeVars", "Layout"]

_EMPTY: Final[frozenset[Name]] = frozenset()


class Layout:
    """The slots of one activation being compiled, and the variables in scope: a slot
    number, or a ``Const`` for a variable known to be that value (an alias). Slots
    are allocated and released like a stack (Note [Environments are flat])."""

    __slots__ = ("high", "scope", "top", "undo")

    def __init__(self) -> None:
        self.scope: dict[Name, int | Const] = {}
        self.undo: list[tuple[Name, int | Const | None]] = []
        self.top = 0
        self.high = 0

    def reserve(self, n: int) -> int:
        start = self.top
        self.top += n
        self.high = max(self.high, self.top)
        return start

    def bind(self, name: Name, to: int | Const | None = None) -> int | Const:
        where = self.reserve(1) if to is None else to
        self.undo.append((name, self.scope.get(name)))
        self.scope[name] = where
        return where

    def mark(self) -> tuple[int, int]:
        return self.top, len(self.undo)

    def release(self, mark: tuple[int, int]) -> None:
        self.top, depth = mark
        while len(self.undo) > depth:
            name, old = self.undo.pop()
            if old is None:
                del self.scope[name]
            else:
                self.scope[name] = old


class FreeVars:
    """``free(e)``: the free local variables of ``e``. Memoised by node identity, since
    they depend on the node alone (and equal subtrees may be shared); ``clear()``
    drops the memo."""

    __slots__ = ("_memo",)

    def __init__(self) -> None:
        self._memo: dict[int, frozenset[Name]] = {}

    def clear(self) -> None:
        self._memo.clear()

    def __call__(self, e: Expr) -> frozenset[Name]:
        key = id(e)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self._of(e)
        return got

    def _of(self, e: Expr) -> frozenset[Name]:
        fv = self
        if isinstance(e, CoreVar):
            return _EMPTY if e.name.is_global else frozenset((e.name,))
        if isinstance(e, App):
            return fv(e.fun).union(*map(fv, e.args))
        if isinstance(e, Lam):
            return fv(e.body).difference(p.name for p in e.params)
        if isinstance(e, Let):
            return fv(e.bind.rhs) | (fv(e.body) - {e.bind.var.name})
        if isinstance(e, LetRec):
            inner = fv(e.body).union(*(fv(b.rhs) for b in e.binds))
            return inner.difference(b.var.name for b in e.binds)
        if isinstance(e, Case):
            alts = _EMPTY.union(*map(self._alt, e.alts)) - {e.binder.name}
            return fv(e.scrut) | alts
        if isinstance(e, ConApp | PrimOp):
            return _EMPTY.union(*map(fv, e.args))
        return _EMPTY  # literals, PatError

    def _alt(self, alt: ConAlt | LitAlt | DefaultAlt) -> frozenset[Name]:
        body = self(alt.rhs)
        return body.difference(v.name for v in alt.vars) if isinstance(alt, ConAlt) else body
