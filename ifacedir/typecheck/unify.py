"""Unification and matching (THIH §6).

``mgu(t1, t2)`` is the most general unifier: the smallest substitution ``s`` with
``apply(s, t1) == apply(s, t2)``. By cases on the two types:

1. two applications unify when their functions unify with ``s1`` and then their
   arguments, after ``s1``, unify with ``s2``; the result is ``s2 @ s1``;
2. a variable unifies with any type through ``var_bind``;
3. two constructors unify when they are the same constructor;
4. anything else (``Int`` against ``Bool``, ``[a]`` against ``a -> b``) is a mismatch.

``var_bind(u, t)`` binds ``u`` to ``t`` unless ``t`` is ``u`` itself (the empty
substitution), ``u`` occurs in ``t`` (the occurs check: ``a ~ [a]`` would need an
infinite type) or the kinds differ (``f ~ Int`` with ``f :: * -> *``).

``match(t1, t2)`` is one-way: a substitution ``s`` with ``apply(s, t1) == t2`` that binds
only variables of ``t1``; the variables of ``t2`` are treated as constants. It finds
which instance declaration applies to a predicate (THIH §7.3). The two sides of an
application are matched separately and the results ``merge``d, which fails if they
bind a variable differently (``a a`` does not match ``Int Bool``).

``mgu`` is written as a loop over a stack of pairs, and binds variables in a local
*triangular* substitution that is made idempotent once at the end, instead of THIH's
``apply(s1, r)`` and ``s2 @@ s1`` at every application node: the result is the same,
but the cost no longer grows with the square of the depth of the types. See Note
[Unifying without re-applying].

Failures raise ``UnifyError`` with the reason and the two sub-terms that disagree, so
the caller can say both "Couldn't match ‘Int’ with ‘Bool’" and in which larger types.
``mgu_pred`` and ``match_pred`` lift both to predicates of the same class.
"""

from __future__ import annotations

import enum

from ifacedir.syntax.types import Pred, TAp, TCon, TVar, Type, TyVar, kind_of, pretty_type
from ifacedir.typecheck.subst import Subst, apply, merge

__all__ = ["Mismatch", "UnifyError", "match", "match_pred", "mgu", "mgu_pred", "var_bind"]


class Mismatch(enum.Enum):
    TYPES = "types do not unify"
    OCCURS = "occurs check fails"
    KINDS = "kinds do not match"
    CLASSES = "classes differ"
    NO_MATCH = "types do not match"


class UnifyError(Exception):
    """``left`` and ``right`` could not be unified (or matched) because of ``reason``."""

    def __init__(self, reason: Mismatch, left: Type, right: Type) -> None:
        super().__init__(reason, left, right)
        self.reason = reason
        self.left = left
        self.right = right

    def __str__(self) -> str:
        """Printed only when asked: matching fails often, on big types too."""
        return f"{self.reason.value}: {pretty_type(self.left)} ~ {pretty_type(self.right)}"


# Note [Unifying without re-applying]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# THIH's mgu of two applications unifies the functions with s1, then applies s1 to
# both arguments before unifying them, and composes. On a type of n nested
# applications whose every level binds a variable (a -> a -> ... -> a against
# Int -> Int -> ... -> Int) that is n applications of s1 to O(n)-sized types. We keep
# the pairs still to unify on a stack, and instead of applying the bindings made so far
# we *walk* the top of each type through them (`_walk`): a variable bound earlier is
# replaced by its binding when it reaches the top of a pair, which is exactly when
# THIH's `apply` would have mattered. The occurs check looks through bindings too. The
# bindings form a triangular substitution; `_resolve` turns it into THIH's idempotent
# one at the end, sharing the resolved image of each variable. A property test
# (test_tc_unify.py, test_mgu_agrees_with_thih) checks that the results are THIH's.


def mgu(t1: Type, t2: Type) -> Subst:
    """THIH's ``mgu``; raises ``UnifyError``. See Note [Unifying without re-applying]."""
    bound: dict[TyVar, Type] = {}
    todo = [(t1, t2)]
    while todo:
        a, b = todo.pop()
        a, b = _walk(bound, a), _walk(bound, b)
        match a, b:
            case TAp(l, r), TAp(l2, r2):
                todo.append((r, r2))
                todo.append((l, l2))
            case TVar(u), _:
                _bind(bound, u, b)
            case _, TVar(u):
                _bind(bound, u, a)
            case TCon(c1), TCon(c2) if c1 == c2:
                pass
            case _:
                raise UnifyError(Mismatch.TYPES, _resolve(bound, a), _resolve(bound, b))
    return Subst({u: _resolve(bound, t) for u, t in bound.items()})


def var_bind(u: TyVar, t: Type) -> Subst:
    """THIH's ``varBind``: ``u +-> t`` after the occurs and kind checks."""
    bound: dict[TyVar, Type] = {}
    _bind(bound, u, t)
    return Subst(bound)


def _bind(bound: dict[TyVar, Type], u: TyVar, t: Type) -> None:
    if isinstance(t, TVar) and t.var == u:
        return
    if _occurs(bound, u, t):
        raise UnifyError(Mismatch.OCCURS, TVar(u), _resolve(bound, t))
    if u.kind != kind_of(t):
        raise UnifyError(Mismatch.KINDS, TVar(u), _resolve(bound, t))
    bound[u] = t


def _walk(bound: dict[TyVar, Type], t: Type) -> Type:
    """``t`` with bound variables at its top replaced, until the top is not one."""
    while isinstance(t, TVar) and t.var in bound:
        t = bound[t.var]
    return t


def _occurs(bound: dict[TyVar, Type], u: TyVar, t: Type) -> bool:
    """Whether ``u`` occurs in ``t`` once the bindings are applied."""
    seen: set[TyVar] = set()
    stack = [t]
    while stack:
        match stack.pop():
            case TVar(v) if v == u:
                return True
            case TVar(v) if v in bound and v not in seen:
                seen.add(v)
                stack.append(bound[v])
            case TAp(l, r):
                stack.extend((l, r))
            case _:
                pass
    return False


def _resolve(bound: dict[TyVar, Type], t: Type) -> Type:
    """``t`` with the triangular bindings applied throughout; writes resolved images
    back into ``bound`` so each is resolved once."""
    if not bound:
        return t
    return apply(_Triangular(bound), t)


class _Triangular:
    """The ``Substitution`` of a triangular ``bound``, resolving images on demand."""

    def __init__(self, bound: dict[TyVar, Type]) -> None:
        self._bound = bound
        self._done: set[TyVar] = set()

    def lookup(self, u: TyVar) -> Type | None:
        t = self._bound.get(u)
        if t is None or u in self._done:
            return t
        t = apply(self, t)
        self._bound[u] = t
        self._done.add(u)
        return t


def match(t1: Type, t2: Type) -> Subst:
    """THIH's ``match``: ``s`` with ``apply(s, t1) == t2``; raises ``UnifyError``."""
    match t1, t2:
        case TAp(l, r), TAp(l2, r2):
            merged = merge(match(l, l2), match(r, r2))
            if merged is None:
                raise UnifyError(Mismatch.NO_MATCH, t1, t2)
            return merged
        case TVar(u), _ if u.kind == kind_of(t2):
            return Subst.single(u, t2)
        case TCon(c1), TCon(c2) if c1 == c2:
            return Subst.empty()
    raise UnifyError(Mismatch.NO_MATCH, t1, t2)


def mgu_pred(p: Pred, q: Pred) -> Subst:
    """The most general unifier of two predicates of the same class."""
    if p.cls != q.cls:
        raise UnifyError(Mismatch.CLASSES, p.type, q.type)
    return mgu(p.type, q.type)


def match_pred(p: Pred, q: Pred) -> Subst:
    """``s`` with ``apply(s, p) == q``, for predicates of the same class."""
    if p.cls != q.cls:
        raise UnifyError(Mismatch.CLASSES, p.type, q.type)
    return match(p.type, q.type)
