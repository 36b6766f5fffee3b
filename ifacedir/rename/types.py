"""Renaming types, contexts and signatures (Report §4.1, §4.4.1).

Type constructors and classes are looked up in the top-level environment; the
special ones (``()``, ``[]``, ``->``, tuples) are wired in. Type variables are
local names, bound in one of two ways:

* explicitly, by the declaration that introduces them: the parameters of a ``data``,
  ``newtype`` or ``type`` declaration, the class variable of a ``class`` declaration
  (which scopes over the method signatures). A variable not bound there is
  "Not in scope: type variable" (``data Box = Box a``);
* implicitly, by a type signature (of a binding, a method, an expression or a foreign
  import) or an instance head: every type variable that is free in it and not already
  bound (the class variable) is quantified over that one signature (§4.1.2). Without
  ScopedTypeVariables nothing else scopes: an ``a`` in a ``where`` clause's signature
  is a fresh variable, not the enclosing signature's.

Each implicitly bound variable gets a fresh unique in order of first occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ifacedir.rename.context import RnContext
from ifacedir.syntax.ast import (
    Pred,
    QualType,
    TApp,
    TCon,
    TFun,
    TList,
    TTuple,
    TVar,
    Type,
)
from ifacedir.syntax.names import Name, NameSpace, RdrName

__all__ = [
    "bind_tyvars",
    "free_tyvars",
    "rename_context",
    "rename_sig_type",
    "rename_type",
]


def rename_type(ctx: RnContext, t: Type[RdrName]) -> Type[Name]:
    """A type whose variables must already be bound."""
    if isinstance(t, TVar):
        return TVar(t.span, ctx.tyvar(t.name, t.span))
    if isinstance(t, TCon):
        return TCon(t.span, ctx.tycon(t.name, t.span))
    if isinstance(t, TApp):
        return TApp(t.span, rename_type(ctx, t.fun), rename_type(ctx, t.arg))
    if isinstance(t, TFun):
        return TFun(t.span, rename_type(ctx, t.arg), rename_type(ctx, t.res))
    if isinstance(t, TList):
        return TList(t.span, rename_type(ctx, t.elem))
    return TTuple(t.span, tuple(rename_type(ctx, e) for e in t.elems))


def rename_context(ctx: RnContext, preds: Iterable[Pred[RdrName]]) -> tuple[Pred[Name], ...]:
    return tuple(Pred(p.span, ctx.tycon(p.cls, p.span), rename_type(ctx, p.type)) for p in preds)


def rename_qual_type(ctx: RnContext, qt: QualType[RdrName]) -> QualType[Name]:
    return QualType(qt.span, rename_context(ctx, qt.context), rename_type(ctx, qt.type))


def rename_sig_type(ctx: RnContext, qt: QualType[RdrName]) -> QualType[Name]:
    """A signature's type, its free variables quantified implicitly (see docstring)."""
    fresh = bind_tyvars(ctx, _types_of(qt))
    with ctx.binding(fresh):
        return rename_qual_type(ctx, qt)


def bind_tyvars(ctx: RnContext, types: Iterable[Type[RdrName]]) -> list[Name]:
    """Fresh names for the variables free in ``types`` and not bound in ``ctx``."""
    out: list[Name] = []
    for occ in free_tyvars(types):
        if ctx.local(occ, NameSpace.TYVAR) is None:
            out.append(ctx.fresh(occ, NameSpace.TYVAR))
    return out


def _types_of(qt: QualType[RdrName]) -> Iterator[Type[RdrName]]:
    for p in qt.context:
        yield p.type
    yield qt.type


def free_tyvars(types: Iterable[Type[RdrName]]) -> list[str]:
    """The type variables of ``types`` in order of first occurrence."""
    seen: dict[str, None] = {}
    stack: list[Type[RdrName]] = list(reversed(list(types)))
    while stack:
        t = stack.pop()
        if isinstance(t, TVar):
            seen.setdefault(t.name.occ, None)
        elif isinstance(t, TApp):
            stack += [t.arg, t.fun]
        elif isinstance(t, TFun):
            stack += [t.res, t.arg]
        elif isinstance(t, TList):
            stack.append(t.elem)
        elif isinstance(t, TTuple):
            stack.extend(reversed(t.elems))
    return list(seen)
