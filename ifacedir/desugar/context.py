"""``Ds``: the state one module's desugaring shares, and the Core builders every part uses.

``Ds`` holds the module's ``DsEnv`` (ifacedir.desugar.env) and three scoped maps:

* ``dicts``: for each class predicate assumed at this point of the tree, the Core
  expression of its dictionary (a dictionary parameter of an enclosing binding, or
  of an instance's dictionary function); ``evidence`` turns a proof from the typed
  tree into Core with it. See Note [Evidence becomes application];
* ``mono``: the binders of the implicit binding group being desugared, with the
  group's own dictionary parameters. See Note [Recursive uses inside a group];
* ``subst``: pattern variables replaced by the match variable they were matched
  against (ifacedir.desugar.match), so that matching creates no alias bindings.

Builders (``app``, ``lam``, ``let``, ``if_``, ...) flatten as they build (an ``App``
of an ``App`` is one ``App``), so the desugarer's output is small before any
simplification.

Note [Evidence becomes application]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
An occurrence of an overloaded name carries one proof per predicate of its scheme's
context (Note [Where types go] in ifacedir.syntax.ast). The desugarer applies the
name to one dictionary per proof, in that order (spec/CORE.md §4, Note [Dictionaries
are ordinary values] in ifacedir.syntax.core):

* ``EvInst p i args``: the instance's dictionary function (a global, ``$fEq[]``)
  applied to the dictionaries of ``args``;
* ``EvSuper p sub``: the superclass selector ``$p<k><Class>`` applied to the
  dictionary ``sub`` proves, ``k`` the position of ``p``'s class among the
  superclasses of ``sub``'s class;
* ``EvAssumed p``: the dictionary bound for ``p`` in ``dicts``.

Note [Recursive uses inside a group]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Inside its own implicit binding group a binder is monomorphic, so its occurrences
there carry no evidence (Note [Evidence after the fact] in ifacedir.typecheck.tcenv),
although the binder, once generalised, takes dictionary parameters. Every binder of
a group abstracts over the same retained predicates in the same order (THIH §11.6.2),
so a recursive use passes on the dictionaries the enclosing binder of the group
received: ``f = \\$dEq x -> ... f $dEq y ...``. That is what GHC does too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Final

from ifacedir.desugar.env import ANY, DsEnv, DsError, super_selector
from ifacedir.syntax import core
from ifacedir.syntax.evidence import EvAssumed, Evidence, EvInst, EvSuper, TcName
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import T_BOOL, Pred, Scheme, Type, fn, fn_parts, pretty_pred

__all__ = [
    "FALSE",
    "TRUE",
    "Ds",
    "app",
    "arg_types",
    "bool_case",
    "is_atom",
    "lam",
    "let",
    "result_type",
]

_BOOL_MODULE: Final = "GHC.Types"
FALSE: Final = core.DataConRef(Name("base", _BOOL_MODULE, "False", NameSpace.CON), 0, 0)
TRUE: Final = core.DataConRef(Name("base", _BOOL_MODULE, "True", NameSpace.CON), 1, 0)


class Ds:
    """One module's desugaring state; see the module docstring."""

    def __init__(self, env: DsEnv) -> None:
        self.env = env
        self.dicts: dict[Pred, core.Expr] = {}
        self.mono: dict[Name, tuple[core.Expr, ...]] = {}
        self.subst: dict[Name, core.CoreVar] = {}

    @contextmanager
    def given(self, pairs: Iterable[tuple[Pred, core.Expr]]) -> Iterator[None]:
        """The dictionaries of ``pairs`` assumed inside the block."""
        pairs = list(pairs)
        added = [(p, self.dicts.get(p)) for p, _ in pairs]
        for p, e in pairs:
            self.dicts[p] = e
        try:
            yield
        finally:
            for p, old in added:
                if old is None:
                    del self.dicts[p]
                else:
                    self.dicts[p] = old

    @contextmanager
    def monomorphic(self, names: Iterable[Name], dicts: tuple[core.Expr, ...]) -> Iterator[None]:
        """See Note [Recursive uses inside a group]."""
        saved = dict(self.mono)
        for n in names:
            self.mono[n] = dicts
        try:
            yield
        finally:
            self.mono = saved

    # --- Evidence -------------------------------------------------------------------------

    def evidence(self, ev: Evidence) -> core.Expr:
        """The dictionary a proof stands for; See Note [Evidence becomes application]."""
        match ev:
            case EvAssumed(p):
                found = self.dicts.get(p)
                if found is None:
                    raise DsError(f"no dictionary in scope for {pretty_pred(p, rename=False)}")
                return found
            case EvSuper(p, sub):
                supers = self.env.class_info(sub.pred.cls).cls.supers
                if p.cls not in supers:
                    raise DsError(f"{p.cls} is not a superclass of {sub.pred.cls}")
                sel = super_selector(sub.pred.cls, supers.index(p.cls) + 1)
                t = fn(self.env.dict_type(sub.pred), self.env.dict_type(p))
                return app(core.CoreVar(sel, t), (self.evidence(sub),))
            case EvInst(p, inst, args):
                dfun = self.env.dfun(inst)
                arg_dicts = tuple(self.evidence(a) for a in args)
                t = self.env.dict_type(p)
                for a in reversed(args):
                    t = fn(self.env.dict_type(a.pred), t)
                return app(core.CoreVar(dfun, t), arg_dicts)

    def occurrence(self, tn: TcName) -> core.Expr:
        """A variable occurrence, applied to the dictionaries its evidence names."""
        t: Type = tn.type if tn.type is not None else ANY
        name = tn.name
        renamed = self.subst.get(name)
        if renamed is not None:
            return core.CoreVar(renamed.name, t)
        var = core.CoreVar(name, t)
        if tn.evidence:
            dicts = tuple(self.evidence(ev) for ev in tn.evidence)
            head: core.Expr = core.CoreVar(name, _with_dict_args(self, tn.evidence, t))
            return app(head, dicts)
        group = self.mono.get(name)
        if group:
            return app(core.CoreVar(name, ANY), group)
        return var

    def binder(self, name: Name, t: Type | Scheme) -> core.CoreVar:
        return core.CoreVar(name, t)


def _with_dict_args(ds: Ds, evs: Sequence[Evidence], t: Type) -> Type:
    for ev in reversed(evs):
        t = fn(ds.env.dict_type(ev.pred), t)
    return t


# --- Builders ------------------------------------------------------------------------------


def app(f: core.Expr, args: Sequence[core.Expr]) -> core.Expr:
    """``f args``, one ``App`` however ``f`` was built."""
    if not args:
        return f
    if isinstance(f, core.App):
        return core.App(f.fun, f.args + tuple(args))
    return core.App(f, tuple(args))


def lam(params: Sequence[core.CoreVar], body: core.Expr) -> core.Expr:
    """``\\params -> body``, merged with a lambda ``body``."""
    if not params:
        return body
    if isinstance(body, core.Lam):
        return core.Lam(tuple(params) + body.params, body.body)
    return core.Lam(tuple(params), body)


def let(binds: Sequence[core.Bind], body: core.Expr, recursive: bool = False) -> core.Expr:
    """Non-recursive lets nested in order, or one ``LetRec``."""
    if not binds:
        return body
    if recursive:
        return core.LetRec(tuple(binds), body)
    for b in reversed(binds):
        body = core.Let(b, body)
    return body


def is_atom(e: core.Expr) -> bool:
    """Cheap to duplicate: a variable, a literal, a nullary constructor, an error."""
    if isinstance(e, core.ConApp):
        return not e.args
    return isinstance(e, core.CoreVar | core.IntLit | core.CharLit | core.DoubleLit | core.PatError)


def bool_case(ds: Ds, cond: core.Expr, then: core.Expr, else_: core.Expr, t: Type) -> core.Expr:
    """``if cond then then else else_`` (the alternatives in tag order)."""
    b = ds.env.fresh("ds", T_BOOL)
    return core.Case(cond, b, t, (core.ConAlt(FALSE, (), else_), core.ConAlt(TRUE, (), then)))


def result_type(t: Type | None, n: int) -> Type:
    """The type of a function of type ``t`` applied to ``n`` arguments."""
    if t is None:
        return ANY
    for _ in range(n):
        parts = fn_parts(t)
        if parts is None:
            return ANY
        t = parts[1]
    return t


def arg_types(t: Type | None, n: int) -> list[Type]:
    """The types of the first ``n`` arguments of a function of type ``t``."""
    out: list[Type] = []
    for _ in range(n):
        parts = fn_parts(t) if t is not None else None
        if parts is None:
            out.append(ANY)
            t = None
            continue
        out.append(parts[0])
        t = parts[1]
    return out
