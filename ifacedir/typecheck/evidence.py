"""Checking evidence: does a proof really prove its predicate? (a lint, like Core Lint).

Evidence terms (ifacedir.syntax.evidence) are built by ``entail_evidence``,
``reduce`` and ``split`` and later read from the ``tc`` file by the desugarer, which
trusts them. ``lint_evidence(ce, assumed, ev)`` re-checks one, node by node:

* ``EvAssumed p``: ``p`` is one of the ``assumed`` predicates;
* ``EvSuper p sub``: ``sub`` proves ``C t`` for a class ``C`` that has ``p``'s class
  as a direct superclass, at the same type ``t``;
* ``EvInst p inst args``: ``inst`` is an instance of ``ce`` whose head matches ``p``,
  and ``args`` prove, in order, the instance's context under that match.

It returns None for a valid proof and otherwise a sentence saying which node is
wrong. Tests run it over every proof the reducer gives (a property test); the
``inspect`` command and the desugarer can run it on proofs read from a file.
"""

from __future__ import annotations

from collections.abc import Iterable

from ifacedir.syntax.evidence import EvAssumed, Evidence, EvInst, EvSuper
from ifacedir.syntax.types import Pred, pretty_pred
from ifacedir.typecheck.classes import ClassEnv
from ifacedir.typecheck.subst import apply
from ifacedir.typecheck.unify import UnifyError, match_pred

__all__ = ["lint_evidence"]


def lint_evidence(ce: ClassEnv, assumed: Iterable[Pred], ev: Evidence) -> str | None:
    """None if ``ev`` proves ``ev.pred`` from ``assumed`` in ``ce``, else why not."""
    given = frozenset(assumed)
    stack = [ev]
    while stack:
        e = stack.pop()
        problem = _node(ce, given, e)
        if problem is not None:
            return f"{problem} (proving {pretty_pred(e.pred, rename=False)})"
        if isinstance(e, EvSuper):
            stack.append(e.sub)
        elif isinstance(e, EvInst):
            stack.extend(e.args)
    return None


def _node(ce: ClassEnv, given: frozenset[Pred], e: Evidence) -> str | None:
    match e:
        case EvAssumed(p):
            return None if p in given else "an assumption that is not given"
        case EvSuper(p, sub):
            if sub.pred.type != p.type:
                return "a superclass selection at another type"
            if p.cls not in ce.supers(sub.pred.cls):
                return f"‘{p.cls.occ}’ is not a superclass of ‘{sub.pred.cls.occ}’"
            return None
        case EvInst(p, ident, args):
            inst = next((i for i in ce.insts(p.cls) if i.ident == ident), None)
            if inst is None:
                return f"no instance {ident}"
            try:
                s = match_pred(inst.qual.head, p)
            except UnifyError:
                return f"instance {ident} does not match"
            wanted = apply(s, inst.qual.preds)
            if tuple(a.pred for a in args) != wanted:
                return f"the arguments of {ident} do not prove its context"
            return None
