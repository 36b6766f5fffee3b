"""Classes, instances and entailment (THIH §7.2-§7.3).

A ``ClassEnv`` records, for each class, its superclasses and methods (a ``Class``), and
its instances (each an ``Instance``: a ``Qual[Pred]`` such as ``Eq a => Eq [a]`` with
the ``InstId`` its evidence names). It is immutable: ``add_class`` and ``add_inst``
return an extended environment and raise ``ClassEnvError`` on a declaration that
cannot be added:

* ``add_class``: the class is new and its superclasses are already known (so the
  superclass relation is acyclic, Report §4.3.1);
* ``add_inst``: the class is known and the new instance overlaps no existing one
  (two heads overlap when they unify; Report §4.3.2 forbids it).

Entailment ``entail(ce, ps, p)``: ``p`` holds whenever all of ``ps`` hold. It does
when

1. ``p`` is ``by_super`` of some ``q`` in ``ps``: ``q`` itself or a superclass of it,
   transitively (``Ord a`` gives ``Eq a``); or
2. an instance matches ``p`` (``by_inst``: ``Eq [a]`` matches ``Eq a => Eq [a]``
   with ``a := t``) and every predicate of its context is entailed in turn.

``entail_evidence`` answers the same question with the proof (see
ifacedir.syntax.evidence): which given predicate and superclass path, or which
instance applied to which sub-proofs. Both search in a fixed order (the given
predicates in order, superclasses in declaration order, depth first), so the same
question always gets the same proof.

The environment also carries the module's ``defaults`` (Report §4.3.4), as in THIH.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ifacedir.syntax.evidence import EvAssumed, Evidence, EvInst, EvSuper, InstId
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import (
    T_DOUBLE,
    T_INTEGER,
    IsIn,
    Kind,
    Pred,
    Qual,
    TCon,
    Type,
    pretty_pred,
    split_ap,
)
from ifacedir.typecheck.subst import apply
from ifacedir.typecheck.unify import UnifyError, match_pred, mgu_pred

__all__ = [
    "Class",
    "ClassEnv",
    "ClassEnvError",
    "Instance",
    "add_class",
    "add_inst",
    "by_inst",
    "by_super",
    "by_super_evidence",
    "entail",
    "entail_evidence",
    "inst_id",
]


@dataclass(frozen=True, slots=True)
class Class:
    """Class ``name`` with a parameter of kind ``kind``, direct superclasses ``supers``
    (in the order of the declaration's context) and its ``methods``."""

    name: Name
    kind: Kind
    supers: tuple[Name, ...]
    methods: tuple[Name, ...]


@dataclass(frozen=True, slots=True)
class Instance:
    """An instance declaration ``preds => head``; ``ident`` names its evidence."""

    ident: InstId
    qual: Qual[Pred]


class ClassEnvError(Exception):
    """A class or instance cannot be added; the message says why."""


class ClassEnv:
    """THIH's ``ClassEnv``: classes by name, the instances of each, and ``defaults``."""

    __slots__ = ("_classes", "_insts", "defaults")

    def __init__(
        self,
        classes: Mapping[Name, Class] | None = None,
        insts: Mapping[Name, tuple[Instance, ...]] | None = None,
        defaults: tuple[Type, ...] = (T_INTEGER, T_DOUBLE),
    ) -> None:
        self._classes: dict[Name, Class] = dict(classes or {})
        self._insts: dict[Name, tuple[Instance, ...]] = dict(insts or {})
        self.defaults = defaults

    def lookup_class(self, i: Name) -> Class | None:
        return self._classes.get(i)

    def supers(self, i: Name) -> tuple[Name, ...]:
        c = self._classes.get(i)
        return c.supers if c else ()

    def insts(self, i: Name) -> tuple[Instance, ...]:
        return self._insts.get(i, ())

    def classes(self) -> tuple[Class, ...]:
        return tuple(self._classes.values())

    def instances(self) -> tuple[Instance, ...]:
        return tuple(inst for insts in self._insts.values() for inst in insts)

    def with_defaults(self, defaults: tuple[Type, ...]) -> ClassEnv:
        return ClassEnv(self._classes, self._insts, defaults)


def add_class(ce: ClassEnv, c: Class) -> ClassEnv:
    """THIH's ``addClass``."""
    if ce.lookup_class(c.name) is not None:
        raise ClassEnvError(f"class ‘{c.name.occ}’ is already defined")
    missing = [s.occ for s in c.supers if ce.lookup_class(s) is None]
    if missing:
        raise ClassEnvError(f"superclass ‘{missing[0]}’ of ‘{c.name.occ}’ is not defined")
    classes = {c2.name: c2 for c2 in ce.classes()}
    classes[c.name] = c
    return ClassEnv(classes, {i: ce.insts(i) for i in classes}, ce.defaults)


def inst_id(p: Pred) -> InstId:
    """The identifier of the instance whose head is ``p`` (``Eq [a]`` gives ``$fEq[]``)."""
    head, _ = split_ap(p.type)
    if not isinstance(head, TCon):
        raise ClassEnvError(f"instance head ‘{pretty_pred(p)}’ is not a type constructor")
    return InstId(p.cls, head.con.name)


def add_inst(ce: ClassEnv, ps: Iterable[Pred], p: Pred) -> ClassEnv:
    """THIH's ``addInst``: the instance ``ps => p``."""
    if ce.lookup_class(p.cls) is None:
        raise ClassEnvError(f"no class ‘{p.cls.occ}’ for instance ‘{pretty_pred(p)}’")
    for other in ce.insts(p.cls):
        if _overlap(p, other.qual.head):
            raise ClassEnvError(
                f"instance ‘{pretty_pred(p)}’ overlaps ‘{pretty_pred(other.qual.head)}’"
            )
    inst = Instance(inst_id(p), Qual(tuple(ps), p))
    insts = {c.name: ce.insts(c.name) for c in ce.classes()}
    insts[p.cls] = (*insts[p.cls], inst)
    return ClassEnv({c.name: c for c in ce.classes()}, insts, ce.defaults)


def _overlap(p: Pred, q: Pred) -> bool:
    try:
        mgu_pred(p, q)
    except UnifyError:
        return False
    return True


# --- Entailment -----------------------------------------------------------------------


def by_super(ce: ClassEnv, p: Pred) -> tuple[Pred, ...]:
    """THIH's ``bySuper``: ``p`` and all its superclass predicates, without repeats."""
    return tuple(q for q, _ in by_super_evidence(ce, EvAssumed(p)))


def by_super_evidence(ce: ClassEnv, ev: Evidence) -> tuple[tuple[Pred, Evidence], ...]:
    """``by_super`` of the predicate ``ev`` proves, each with its superclass path."""
    found: dict[Pred, Evidence] = {}
    stack = [ev]
    while stack:
        e = stack.pop()
        if e.pred in found:
            continue
        found[e.pred] = e
        supers = ce.supers(e.pred.cls)
        stack.extend(EvSuper(IsIn(i, e.pred.type), e) for i in reversed(supers))
    return tuple(found.items())


def by_inst(ce: ClassEnv, p: Pred) -> tuple[Instance, tuple[Pred, ...]] | None:
    """THIH's ``byInst``: the instance whose head matches ``p``, and its context
    instantiated; None when no instance matches."""
    for inst in ce.insts(p.cls):
        try:
            s = match_pred(inst.qual.head, p)
        except UnifyError:
            continue
        return inst, apply(s, inst.qual.preds)
    return None


def entail(ce: ClassEnv, ps: Iterable[Pred], p: Pred) -> bool:
    """THIH's ``entail``: ``p`` holds whenever every predicate of ``ps`` holds."""
    return entail_evidence(ce, ps, p) is not None


def entail_evidence(ce: ClassEnv, ps: Iterable[Pred], p: Pred) -> Evidence | None:
    """The proof of ``p`` from the assumptions ``ps``, or None if ``entail`` fails."""
    givens = tuple(ps)
    for q in givens:
        for r, ev in by_super_evidence(ce, EvAssumed(q)):
            if r == p:
                return ev
    found = by_inst(ce, p)
    if found is None:
        return None
    inst, qs = found
    args: list[Evidence] = []
    for q in qs:
        arg = entail_evidence(ce, givens, q)
        if arg is None:
            return None
        args.append(arg)
    return EvInst(p, inst.ident, tuple(args))
