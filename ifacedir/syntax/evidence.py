"""Evidence: why a class predicate holds, as data the desugarer turns into dictionaries.

The typechecker proves each predicate it meets (``Eq [a]`` at a use of ``==``) from
three sources, the same three as THIH's ``entail`` (§7.3):

* ``EvAssumed``: the predicate is *assumed*: a constraint in the context of the
  binding being typechecked (a dictionary parameter, ``Eq a`` in
  ``elem :: Eq a => ...``) or a predicate the binding's inferred type retains;
* ``EvSuper``: a superclass of a predicate already proved (``Eq a`` from ``Ord a``):
  the superclass field of that dictionary (``by_super``);
* ``EvInst``: an instance declaration (``Eq [a]`` from ``instance Eq a => Eq [a]``),
  applied to evidence for each predicate of the instance's context, in order
  (``by_inst``).

An evidence value is a finite tree whose leaves are ``EvAssumed`` and ``EvInst``
nodes with no arguments. Each node records the predicate it proves, so a reader (the
desugarer, ``inspect``) needs nothing else to check or print it.

An instance is named by ``InstId``: its class and the type constructor at the head of
its type. Haskell 2010 forbids overlapping instances (§4.3.2), so the pair identifies
one instance program-wide; it is derived from the declaration alone, never from a
counter, so it is stable across builds (DESIGN, "Fingerprints").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from ifacedir.syntax.names import Name
from ifacedir.syntax.types import Pred, pretty_pred

__all__ = ["EvAssumed", "EvInst", "EvSuper", "Evidence", "InstId", "pretty_evidence"]


@dataclass(frozen=True, slots=True)
class InstId:
    """The instance of class ``cls`` for the type constructor ``tycon``."""

    cls: Name
    tycon: Name

    def __str__(self) -> str:
        """GHC's name for the dictionary function: ``$fEq[]``, ``$fShowMaybe``."""
        return f"$f{self.cls.occ}{self.tycon.occ}"


@dataclass(frozen=True, slots=True)
class EvAssumed:
    pred: Pred


@dataclass(frozen=True, slots=True)
class EvSuper:
    """``pred`` (of a superclass) selected from the dictionary ``sub`` proves."""

    pred: Pred
    sub: Evidence


@dataclass(frozen=True, slots=True)
class EvInst:
    """``pred`` by instance ``inst`` applied to evidence for its context, in order."""

    pred: Pred
    inst: InstId
    args: tuple[Evidence, ...] = ()


Evidence: TypeAlias = EvAssumed | EvSuper | EvInst


def pretty_evidence(ev: Evidence) -> str:
    """One line for dumps and tests: ``$fEq[] (<Eq t1>)``, ``Eq<-(<Ord t1>)``."""
    match ev:
        case EvAssumed(p):
            return f"<{pretty_pred(p, rename=False)}>"
        case EvSuper(p, sub):
            return f"{p.cls.occ}<-({pretty_evidence(sub)})"
        case EvInst(_, inst, args):
            return " ".join([str(inst), *(f"({pretty_evidence(a)})" for a in args)])
