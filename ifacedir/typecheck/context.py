"""Context reduction (THIH §7.4), with the evidence of every predicate it removes.

Inference collects predicates as it meets overloaded names: ``Eq [t3]``, ``Ord t3``,
``Eq t3``. Before they go into a type they are reduced, in two steps:

1. ``to_hnf``: each predicate is brought to *head normal form*, ``C (v t1 ... tn)``
   with a type variable at the head (``in_hnf``), by instances: ``Eq [t3]`` becomes
   ``Eq t3`` by ``instance Eq a => Eq [a]``. A predicate not in head normal form that
   no instance matches (``Num Bool``, ``Eq (a -> b)``) cannot hold: it is *unsolved*,
   an error for the caller to report ("No instance for ...").
2. ``simplify``: a predicate entailed by the others is dropped, one at a time in
   order (``Eq t3`` goes, ``Ord t3`` entails it).

``reduce`` is both steps. Its result, a ``Reduction``, keeps the *retained*
predicates (``Ord t3``) and, for every predicate given to it, the evidence that proves
it from the retained ones (see ifacedir.syntax.evidence): ``Eq [t3]`` is
``$fEq[] (Eq<-(<Ord t3>))``. The desugarer needs exactly that at each use of ``==``.
See Note [Evidence through simplify]. ``resolve_evidence`` and ``apply_evidence``
compose proofs further (with those of deferred or defaulted predicates, say).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ifacedir.syntax.evidence import EvAssumed, Evidence, EvInst, EvSuper
from ifacedir.syntax.types import Pred, TAp, TCon, TGen, TVar, Type, pretty_pred
from ifacedir.typecheck.classes import ClassEnv, by_inst, entail_evidence
from ifacedir.typecheck.subst import Substitution, apply

__all__ = ["Reduction", "ReductionError", "in_hnf", "reduce", "simplify", "to_hnf", "to_hnfs"]


class ReductionError(Exception):
    """No instance matches ``pred``, which is not in head normal form."""

    def __init__(self, pred: Pred) -> None:
        self.pred = pred
        super().__init__(f"no instance for {pretty_pred(pred)}")


@dataclass(frozen=True, slots=True)
class Reduction:
    """``retained`` predicates; ``evidence`` for each distinct predicate that was given,
    in terms of the retained ones; ``unsolved`` predicates that no instance matches."""

    retained: tuple[Pred, ...]
    evidence: tuple[tuple[Pred, Evidence], ...]
    unsolved: tuple[Pred, ...] = ()
    _index: dict[Pred, Evidence] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", dict(self.evidence))

    def evidence_for(self, p: Pred) -> Evidence | None:
        return self._index.get(p)


def in_hnf(p: Pred) -> bool:
    """THIH's ``inHnf``: the type of ``p`` has a variable at its head."""
    t: Type = p.type
    while isinstance(t, TAp):
        t = t.fun
    match t:
        case TVar():
            return True
        case TCon(c):
            # A rigid variable of a signature is a constructor with a local name
            # (see Note [Rigid type variables] in ifacedir.typecheck.tcenv).
            return not c.name.is_global
        case TGen():
            raise ValueError("in_hnf of a quantified predicate")


def to_hnf(ce: ClassEnv, p: Pred) -> tuple[tuple[Pred, ...], Evidence]:
    """THIH's ``toHnf``: predicates in head normal form that entail ``p``, and the
    proof of ``p`` from them; raises ``ReductionError``."""
    if in_hnf(p):
        return (p,), EvAssumed(p)
    found = by_inst(ce, p)
    if found is None:
        raise ReductionError(p)
    inst, qs = found
    hnfs: list[Pred] = []
    args: list[Evidence] = []
    for q in qs:
        q_hnfs, ev = to_hnf(ce, q)
        hnfs.extend(q_hnfs)
        args.append(ev)
    return tuple(dict.fromkeys(hnfs)), EvInst(p, inst.ident, tuple(args))


def to_hnfs(ce: ClassEnv, ps: Iterable[Pred]) -> Reduction:
    """THIH's ``toHnfs``, collecting unsolved predicates instead of stopping at one."""
    hnfs: dict[Pred, None] = {}
    evidence: dict[Pred, Evidence] = {}
    unsolved: dict[Pred, None] = {}
    for p in ps:
        if p in evidence or p in unsolved:
            continue
        try:
            p_hnfs, ev = to_hnf(ce, p)
        except ReductionError as err:
            unsolved.setdefault(err.pred)
            continue
        hnfs.update(dict.fromkeys(p_hnfs))
        evidence[p] = ev
    return Reduction(tuple(hnfs), tuple(evidence.items()), tuple(unsolved))


# Note [Evidence through simplify]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# `simplify` walks the predicates in order and drops p when the predicates still
# present (those kept so far and those not yet visited) entail it. The proof of p may
# therefore assume a predicate q visited *later*, which may be dropped in turn; q's
# own proof assumes only predicates present when q was dropped, which excludes p. So
# the "assumes" relation between dropped predicates is acyclic, ordered by the walk,
# and resolving the proofs in reverse order of dropping (each `EvAssumed q` of a
# dropped q replaced by q's resolved proof) leaves proofs that assume retained
# predicates only.


def simplify(ce: ClassEnv, ps: Iterable[Pred]) -> Reduction:
    """THIH's ``simplify``; see Note [Evidence through simplify]."""
    todo = list(dict.fromkeys(ps))
    retained: list[Pred] = []
    dropped: list[tuple[Pred, Evidence]] = []
    for n, p in enumerate(todo):
        ev = entail_evidence(ce, [*retained, *todo[n + 1 :]], p)
        if ev is None:
            retained.append(p)
        else:
            dropped.append((p, ev))
    resolved: dict[Pred, Evidence] = {}
    for p, ev in reversed(dropped):
        resolved[p] = resolve_evidence(ev, resolved)
    evidence = tuple((p, resolved.get(p) or EvAssumed(p)) for p in todo)
    return Reduction(tuple(retained), evidence)


def reduce(ce: ClassEnv, ps: Iterable[Pred]) -> Reduction:
    """THIH's ``reduce``: ``to_hnfs`` then ``simplify``, with the composed evidence."""
    hnf = to_hnfs(ce, ps)
    simple = simplify(ce, hnf.retained)
    table = dict(simple.evidence)
    evidence = tuple((p, resolve_evidence(ev, table)) for p, ev in hnf.evidence)
    return Reduction(simple.retained, evidence, hnf.unsolved)


def resolve_evidence(ev: Evidence, table: Mapping[Pred, Evidence]) -> Evidence:
    """``ev`` with each ``EvAssumed q`` replaced by ``table[q]`` where present: the
    proof of ``ev.pred`` once the proofs of its assumptions are known."""
    match ev:
        case EvAssumed(q):
            return table.get(q, ev)
        case EvSuper(p, sub):
            return EvSuper(p, resolve_evidence(sub, table))
        case EvInst(p, inst, args):
            return EvInst(p, inst, tuple(resolve_evidence(a, table) for a in args))


def apply_evidence(s: Substitution, ev: Evidence) -> Evidence:
    """``ev`` with ``s`` applied to every predicate in it (after defaulting, say)."""
    match ev:
        case EvAssumed(p):
            return EvAssumed(apply(s, p))
        case EvSuper(p, sub):
            return EvSuper(apply(s, p), apply_evidence(s, sub))
        case EvInst(p, inst, args):
            return EvInst(apply(s, p), inst, tuple(apply_evidence(s, a) for a in args))
