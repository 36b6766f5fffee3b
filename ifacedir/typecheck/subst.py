"""Substitutions (THIH §5), and quantification and instantiation of schemes (THIH §8).

A substitution ``s`` maps type variables to types. ``apply(s, x)`` replaces every
variable of ``x`` in the domain of ``s`` by its image, once (substitutions built here
are idempotent: no image mentions a variable of the domain, so once is enough).

* ``Subst.single(u, t)`` is THIH's ``u +-> t``; ``Subst.empty()`` its ``nullSubst``.
* ``s1 @ s2`` is THIH's ``s1 @@ s2``, the composition that applies ``s2`` first:
  ``apply(s1 @ s2, x) == apply(s1, apply(s2, x))`` for every ``x``.
* ``merge(s1, s2)`` is the symmetric union used by ``match`` (§6): defined only when
  the two agree on the variables they both bind, else None.

HasTypes is the set of values ``apply`` and ``free_tyvars`` work on (THIH's ``Types``
class): ``Type``, ``Pred``, ``Qual``, ``Scheme``, tuples of these, and any object that
implements the ``HasTypes`` protocol itself (assumptions, typed terms; see
``HasTypes``). ``free_tyvars`` lists variables in order of first appearance, without
repetition; that order decides the order of quantified variables (see ``quantify``) and
so must be deterministic.

``quantify(vs, qt)`` turns the variables ``vs`` of ``qt`` into ``TGen`` indices
numbered in order of appearance in ``qt``, context first (THIH §8; GHC quantifies
inferred variables in the same order, see Note [Printing types like GHC] in
ifacedir.syntax.types). ``instantiate(ts, x)`` is THIH's ``inst``: ``TGen i`` becomes
``ts[i]``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol, Self, TypeVar, overload, runtime_checkable

from ifacedir.syntax.types import Forall, IsIn, Qual, Scheme, TAp, TCon, TGen, TVar, Type, TyVar

__all__ = [
    "HasTypes",
    "Subst",
    "Substitution",
    "apply",
    "free_tyvars",
    "instantiate",
    "merge",
    "quantify",
]


class Substitution(Protocol):
    """Anything that maps a variable to its image: a ``Subst``, or the typechecker's
    current substitution (see ifacedir.typecheck.state)."""

    def lookup(self, u: TyVar) -> Type | None: ...


@runtime_checkable
class HasTypes(Protocol):
    """Values outside ifacedir.syntax.types that contain types, such as assumptions."""

    def apply_subst(self, s: Substitution) -> Self: ...

    def type_parts(self) -> Iterator[Any]:
        """The HasTypes values inside, for ``free_tyvars``."""
        ...


class Subst:
    """An idempotent substitution; immutable once built."""

    __slots__ = ("_map",)

    def __init__(self, pairs: Mapping[TyVar, Type] | Iterable[tuple[TyVar, Type]] = ()) -> None:
        self._map: dict[TyVar, Type] = dict(pairs)

    @staticmethod
    def empty() -> Subst:
        return _EMPTY

    @staticmethod
    def single(u: TyVar, t: Type) -> Subst:
        """THIH's ``u +-> t``."""
        return Subst({u: t})

    def lookup(self, u: TyVar) -> Type | None:
        return self._map.get(u)

    def domain(self) -> tuple[TyVar, ...]:
        return tuple(self._map)

    def items(self) -> tuple[tuple[TyVar, Type], ...]:
        return tuple(self._map.items())

    def __matmul__(self, other: Subst) -> Subst:
        """THIH's ``s1 @@ s2``: apply ``other`` first, then ``self``."""
        if not other._map:
            return self
        if not self._map:
            return other
        composed = dict(self._map)
        composed.update((u, apply(self, t)) for u, t in other._map.items())
        return Subst(composed)

    def __len__(self) -> int:
        return len(self._map)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Subst) and self._map == other._map

    def __hash__(self) -> int:
        return hash(frozenset(self._map.items()))

    def __repr__(self) -> str:
        pairs = ", ".join(f"{u.ident} +-> {t}" for u, t in self._map.items())
        return f"Subst({pairs})"


_EMPTY = Subst()


def merge(s1: Subst, s2: Subst) -> Subst | None:
    """THIH's ``merge``: ``s1`` and ``s2`` together, or None if they disagree."""
    for u in s1.domain():
        t2 = s2.lookup(u)
        if t2 is not None and t2 != s1.lookup(u):
            return None
    return Subst([*s1.items(), *s2.items()])


# --- apply and free_tyvars -------------------------------------------------------------

_H = TypeVar("_H", bound="Type | IsIn")
_E = TypeVar("_E")
_T = TypeVar("_T", bound=HasTypes)


@overload
def apply(s: Substitution, x: TVar | TCon | TAp | TGen) -> Type: ...
@overload
def apply(s: Substitution, x: IsIn) -> IsIn: ...
@overload
def apply(s: Substitution, x: Qual[_H]) -> Qual[_H]: ...
@overload
def apply(s: Substitution, x: Forall) -> Forall: ...
@overload
def apply(s: Substitution, x: tuple[TVar | TCon | TAp | TGen, ...]) -> tuple[Type, ...]: ...
@overload
def apply(s: Substitution, x: tuple[_E, ...]) -> tuple[_E, ...]: ...
@overload
def apply(s: Substitution, x: _T) -> _T: ...


def apply(s: Substitution, x: Any) -> Any:
    """``x`` with every variable in the domain of ``s`` replaced (see the module doc)."""
    match x:
        case TVar() | TAp():
            return _apply_type(s, x)
        case TCon() | TGen():
            return x
        case IsIn(i, t):
            t2 = _apply_type(s, t)
            return x if t2 is t else IsIn(i, t2)
        case Qual(ps, h):
            return Qual(apply(s, ps), apply(s, h))
        case Forall(ks, qt):
            return Forall(ks, apply(s, qt))
        case tuple():
            return tuple(apply(s, e) for e in x)
        case HasTypes():
            return x.apply_subst(s)
    raise TypeError(f"apply: not a HasTypes value: {type(x).__name__}")


def _apply_type(s: Substitution, t: Type) -> Type:
    # `type(t) is` rather than `match`: this is the typechecker's hottest function.
    kind = type(t)
    if kind is TVar:
        image = s.lookup(t.var)  # type: ignore[union-attr]
        return t if image is None else image
    if kind is TAp:
        f, a = t.fun, t.arg  # type: ignore[union-attr]
        f2, a2 = _apply_type(s, f), _apply_type(s, a)
        return t if f2 is f and a2 is a else TAp(f2, a2)
    return t


def free_tyvars(x: object) -> tuple[TyVar, ...]:
    """THIH's ``tv``: the variables of ``x`` in order of first appearance."""
    seen: dict[TyVar, None] = {}
    stack: list[object] = [x]
    while stack:
        y = stack.pop()
        match y:
            case TVar(u):
                seen.setdefault(u)
            case TAp(l, r):
                stack.extend((r, l))
            case TCon() | TGen():
                pass
            case IsIn(_, t):
                stack.append(t)
            case Qual(ps, h):
                stack.extend((h, *reversed(ps)))
            case Forall(_, qt):
                stack.append(qt)
            case tuple():
                stack.extend(reversed(y))
            case HasTypes():
                stack.extend(reversed(list(y.type_parts())))
            case _:
                raise TypeError(f"free_tyvars: not a HasTypes value: {type(y).__name__}")
    return tuple(seen)


# --- Schemes (THIH §8) -------------------------------------------------------------------


def quantify(vs: Iterable[TyVar], qt: Qual[Type]) -> Scheme:
    """Generalise the variables ``vs`` of ``qt``, numbered in order of appearance."""
    wanted = set(vs)
    gs = [v for v in free_tyvars(qt) if v in wanted]
    s = Subst({v: TGen(n) for n, v in enumerate(gs)})
    return Forall(tuple(v.kind for v in gs), apply(s, qt))


@overload
def instantiate(ts: tuple[Type, ...], x: TVar | TCon | TAp | TGen) -> Type: ...
@overload
def instantiate(ts: tuple[Type, ...], x: IsIn) -> IsIn: ...
@overload
def instantiate(ts: tuple[Type, ...], x: Qual[_H]) -> Qual[_H]: ...
@overload
def instantiate(ts: tuple[Type, ...], x: tuple[_E, ...]) -> tuple[_E, ...]: ...


def instantiate(ts: tuple[Type, ...], x: Any) -> Any:
    """THIH's ``inst``: ``TGen i`` replaced by ``ts[i]`` in a type, predicate or ``Qual``."""
    match x:
        case TGen() | TAp() | TVar() | TCon():
            return _inst_type(ts, x)
        case IsIn(i, t):
            return IsIn(i, _inst_type(ts, t))
        case Qual(ps, h):
            return Qual(instantiate(ts, ps), instantiate(ts, h))
        case tuple():
            return tuple(instantiate(ts, e) for e in x)
    raise TypeError(f"instantiate: unexpected {type(x).__name__}")


def _inst_type(ts: tuple[Type, ...], t: Type) -> Type:
    """``instantiate`` on a type; subtrees without ``TGen`` are shared, not copied."""
    kind = type(t)
    if kind is TGen:
        return ts[t.index]  # type: ignore[union-attr]
    if kind is TAp:
        f, a = t.fun, t.arg  # type: ignore[union-attr]
        f2, a2 = _inst_type(ts, f), _inst_type(ts, a)
        return t if f2 is f and a2 is a else TAp(f2, a2)
    return t
