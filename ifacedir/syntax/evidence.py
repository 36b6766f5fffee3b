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

The typed tree (``Module[TcName]``, see Note [Where types go] in ifacedir.syntax.ast)
names every binder and occurrence with a ``TcName``: the ``Name``, the binder's
``Scheme`` or the occurrence's instantiated ``Type``, and at an occurrence of an
overloaded name the evidence for each predicate of its scheme's context, in that
order. Syntax that stands for a class method (a numeric literal is ``fromInteger``,
``do`` is ``>>=``, ...) has no name in the tree; its ``TcName`` is a ``Witness``
attached by source span and role. See Note [Witnesses for syntax].

An instance is named by ``InstId``: its class and the type constructor at the head of
its type. Haskell 2010 forbids overlapping instances (§4.3.2), so the pair identifies
one instance program-wide; it is derived from the declaration alone, never from a
counter, so it is stable across builds (DESIGN, "Fingerprints").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from ifacedir.syntax.names import Name
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.types import Forall, Pred, Type, pretty_pred

__all__ = [
    "EvAssumed",
    "EvInst",
    "EvSuper",
    "Evidence",
    "InstId",
    "TcName",
    "Witness",
    "pretty_evidence",
]


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


@dataclass(frozen=True, slots=True)
class TcName:
    """A name in the typed tree.

    An *occurrence* carries ``type`` (its scheme instantiated) and ``evidence``: a
    proof of each predicate of the instantiated context, in the order of the scheme's
    context. A *binder* carries its ``scheme`` and, when it is a binding (not a
    lambda- or pattern-bound variable), ``type``: the scheme's body as seen inside the
    binding's right-hand side, and ``evidence``: one ``EvAssumed`` per predicate of
    the scheme's context, in order, with the variables of ``type``. Those are the
    binding's dictionary parameters: an ``EvAssumed`` leaf in a proof inside the
    binding names one of them (or one of an enclosing binding's). Names that are not
    values (types, classes, module items) carry only their ``Name``."""

    name: Name
    scheme: Forall | None = None
    type: Type | None = None
    evidence: tuple[Evidence, ...] = ()

    def __str__(self) -> str:
        return str(self.name)


# Note [Witnesses for syntax]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~
# A literal, a negation, a `do` statement or an arithmetic sequence stands for
# applications of class methods (spec/LIBRARY.md, "What the compiler wires in"), but
# the tree has no name slot for them. Rather than rewriting the tree (which would lose
# the source shape the desugarer and `inspect` rely on), the typechecker records one
# `Witness` per (construct, role): the construct's span, the role (the method's
# occurrence name: `fromInteger`, `fromRational`, `negate`, `==` for a literal
# pattern, `>>=`, `>>`, `fail`, `enumFrom`, ...) and the method's `TcName`, whose
# `type` and `evidence` are those of the method at that use. An annotation with a
# context, `(e :: Num a => a)`, gets two (roles `::` and `::use`; see Note
# [Annotations with a context] in ifacedir.typecheck.bindings).


@dataclass(frozen=True, slots=True)
class Witness:
    """The class method ``role`` that the construct at ``span`` stands for."""

    span: SrcSpan
    role: str
    name: TcName
