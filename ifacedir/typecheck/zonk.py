"""The final pass: from the tree inference built to ``Module[TcName]`` (plan §4).

Inference leaves ``Occ`` placeholders in the tree (ifacedir.typecheck.tcenv) and the
original ``Name`` wherever it did not need one (type syntax, module items, record
labels). Once the whole module is checked and Rule 2 defaulting is done, the
substitution is final, and ``zonk`` rebuilds the tree with

* each binder ``Occ`` as ``TcName(name, scheme)`` (a monomorphic binder, bound by a
  lambda or a pattern, gets the scheme of its type with nothing quantified);
* each occurrence ``Occ`` as ``TcName(name, type=t, evidence=evs)``, ``t`` its
  instantiated type under the final substitution and ``evs`` the proof of each of its
  predicates from the givens of its scope (Note [Evidence after the fact] in
  ifacedir.typecheck.tcenv);
* each remaining ``Name`` as ``TcName(name)``, with its scheme if it names one of the
  module's top-level values (the binders of signatures, foreign imports, constructors,
  field labels and class methods).

The walk uses an explicit stack (like ifacedir.syntax.traverse), so deep trees cost
no recursion.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ifacedir.syntax.evidence import EvAssumed, Evidence, TcName
from ifacedir.syntax.names import Name
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.traverse import field_names
from ifacedir.syntax.types import Pred, Scheme, to_scheme
from ifacedir.typecheck.classes import ClassEnv, entail_evidence
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import apply
from ifacedir.typecheck.tcenv import EvScope, Occ

__all__ = ["Zonker"]


class Zonker:
    """Turns placeholders into ``TcName`` under the final substitution (memoised)."""

    def __init__(self, st: TcState, ce: ClassEnv, schemes: Mapping[Name, Scheme]) -> None:
        self.st = st
        self.ce = ce
        self.schemes = schemes
        self._givens: dict[int, list[Pred]] = {}
        self._done: dict[int, TcName] = {}
        self._names: dict[Name, TcName] = {}

    def occ(self, o: Occ) -> TcName:
        done = self._done.get(id(o))
        if done is not None:
            return done
        if o.scope is None:  # a binder; See Note [Binders and their dictionaries]
            assert o.type is not None
            mono = apply(self.st, o.type)
            if o.scheme is None:
                result = TcName(o.name, scheme=to_scheme(mono))
            else:
                dicts = tuple(EvAssumed(apply(self.st, p)) for p in o.preds)
                result = TcName(o.name, apply(self.st, o.scheme), mono, dicts)
        else:
            t = None if o.type is None else apply(self.st, o.type)
            evs = tuple(self._prove(o.scope, apply(self.st, p)) for p in o.preds)
            result = TcName(o.name, type=t, evidence=evs)
        self._done[id(o)] = result
        return result

    def _prove(self, scope: EvScope, p: Pred) -> Evidence:
        givens = self._givens.get(id(scope))
        if givens is None:
            givens = [apply(self.st, g) for g in scope.chain()]
            self._givens[id(scope)] = givens
        ev = entail_evidence(self.ce, givens, p)
        # None only after an error was reported (no instance, an ambiguity).
        return EvAssumed(p) if ev is None else ev

    def name(self, n: Name) -> TcName:
        tn = self._names.get(n)
        if tn is None:
            tn = self._names[n] = TcName(n, scheme=self.schemes.get(n))
        return tn

    def leaf(self, value: object) -> object:
        if type(value) is Occ:
            return self.occ(value)
        if type(value) is Name:
            return self.name(value)
        return value

    def tree(self, node: Any) -> Any:
        """``node`` with every ``Occ`` and ``Name`` replaced; no recursion."""
        if not _is_container(node):
            return self.leaf(node)
        stack: list[_Frame] = [_Frame(node)]
        while True:
            top = stack[-1]
            if len(top.done) == len(top.kids):
                value = top.result()
                stack.pop()
                if not stack:
                    return value
                stack[-1].done.append(value)
                continue
            kid = top.kids[len(top.done)]
            if _is_container(kid):
                stack.append(_Frame(kid))
            else:
                top.done.append(self.leaf(kid))


_CONTAINER: dict[type, bool] = {}


def _is_container(value: object) -> bool:
    kind = type(value)
    known = _CONTAINER.get(kind)
    if known is None:
        import dataclasses
        import enum

        known = kind is tuple or (
            dataclasses.is_dataclass(kind)
            and kind not in (Name, SrcSpan, TcName)
            and not issubclass(kind, enum.Enum)
            and kind.__module__ == "ifacedir.syntax.ast"
        )
        _CONTAINER[kind] = known
    return known


class _Frame:
    __slots__ = ("done", "kids", "node")

    def __init__(self, node: object) -> None:
        self.node = node
        if type(node) is tuple:
            self.kids: tuple[object, ...] = node
        else:
            self.kids = tuple(getattr(node, f) for f in field_names(type(node)))
        self.done: list[object] = []

    def result(self) -> object:
        if type(self.node) is tuple:
            return tuple(self.done)
        return type(self.node)(*self.done)
