"""``simplify_module``: Core to smaller, faster Core (the ``ds`` file to the ``simpl`` file).

The simplifier rewrites each top-level right-hand side, a few rounds, with these
local rules (all meaning-preserving in a lazy language, with no work duplicated):

* **beta**: ``(\\x -> e) a`` becomes ``let x = a in e`` (``a`` substituted when it is an
  atom);
* **atoms and dead bindings**: ``let x = atom in e`` substitutes the atom; a binding
  with no occurrence is dropped (bindings are lazy, so this never changes what is
  evaluated); one used once, outside any lambda, is moved to its occurrence (ifacedir.
  simplify.occur);
* **case of known constructor**: ``case K a b of {K x y -> e}`` binds ``x``, ``y`` to
  ``a``, ``b``; the same inside an alternative that already took the scrutinee
  apart, and for a literal scrutinee; primitive operations on literals are folded;
* **let floating**: a ``let`` in function or scrutinee position moves outward, where
  it exposes the redex behind it; an application of a single-alternative ``case``
  moves into the alternative (a dictionary selection applied to arguments);
* **inlining** (at ``-O1`` only): a global whose right-hand side is small and not
  recursive (from this module, or an import's unfoldings, read from its ``.hi``) is
  copied, with fresh binders (ifacedir.simplify.rename), where it is applied to at
  least as many arguments as it has parameters, or where a ``case`` takes apart a
  global bound to a constructor application (a dictionary). See Note [Inlining
  dictionaries].

``-O0`` runs the local rules only (no inlining), ``-O1`` everything; unfoldings for
importers are chosen by ``unfoldings_of``. Top-level bindings are never removed
(instances are global, and importers' inlined code may name any of them).

Note [Inlining dictionaries]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``x + y`` at ``Int`` desugars to ``GHC.Num.+ GHC.Num.$fNumInt x y``. The selector
``+`` is small (a ``case`` on its dictionary); inlined, it gives ``case $fNumInt of
C:Num f1 .. -> f1`` applied to ``x y``; ``$fNumInt`` is a constructor applied to
variables (Note [Methods of instances without a context] in ifacedir.desugar.classes),
so the case selects ``$fNumInt$c+``, itself ``primIntAdd``, itself a lambda around the
``intAdd`` primitive: four inlinings turn the overloaded call into one primitive
operation. That is why unfoldings include constructor applications and aliases,
whatever their module exports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from ifacedir.desugar.literals import wrap_int
from ifacedir.simplify.occur import Occ, occurrence
from ifacedir.simplify.rename import Supply, clone, max_local_unique, replace
from ifacedir.syntax import core
from ifacedir.syntax.corewalk import size
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import Forall, Type
from ifacedir.util.deep import run_deep

__all__ = ["INLINE_SIZE", "simplify_module", "unfoldings_of"]

INLINE_SIZE: Final = 24
"""The largest right-hand side (in nodes) inlined at a call, or offered to importers."""

_ROUNDS: Final = 3
_BUDGET: Final = 400
"""Inlinings per top-level binding and round: a bound on the work, whatever the code."""

_TRUE: Final = core.ConApp(
    core.DataConRef(Name("base", "GHC.Types", "True", NameSpace.CON), 1, 0), ()
)
_FALSE: Final = core.ConApp(
    core.DataConRef(Name("base", "GHC.Types", "False", NameSpace.CON), 0, 0), ()
)


def simplify_module(
    module: core.CoreModule, level: int, imported: Mapping[Name, core.Expr] | None = None
) -> core.CoreModule:
    """``module`` simplified at ``-O<level>``; ``imported``: the unfoldings of the
    modules below (used at ``-O1``)."""
    return run_deep(_simplify_module, module, level, dict(imported or {}))


def _simplify_module(
    module: core.CoreModule, level: int, imported: dict[Name, core.Expr]
) -> core.CoreModule:
    supply = Supply(max_local_unique(b.rhs for g in module.groups for b in g.binds) + 1)
    groups = module.groups
    for _ in range(_ROUNDS):
        inline = dict(imported)
        if level >= 1:
            inline.update(unfoldings_of(groups))
        new = tuple(
            core.BindGroup(
                g.recursive,
                tuple(core.Bind(b.var, _Simplifier(supply, inline, level).top(b)) for b in g.binds),
            )
            for g in groups
        )
        if new == groups:
            break
        groups = new
    return core.CoreModule(
        module.module, module.package, groups, module.data, module.exports, module.entry
    )


def unfoldings_of(groups: tuple[core.BindGroup, ...]) -> dict[Name, core.Expr]:
    """The top-level right-hand sides worth inlining elsewhere: small, not recursive."""
    out: dict[Name, core.Expr] = {}
    for g in groups:
        if g.recursive:
            continue
        for b in g.binds:
            if _inlinable(b.rhs):
                out[b.var.name] = b.rhs
    return out


def _inlinable(rhs: core.Expr) -> bool:
    if isinstance(rhs, core.CoreVar | core.IntLit | core.CharLit | core.DoubleLit):
        return True
    if isinstance(rhs, core.ConApp):
        return all(_is_atom(a) for a in rhs.args)
    return isinstance(rhs, core.Lam | core.PrimOp) and size(rhs) <= INLINE_SIZE


def _is_atom(e: core.Expr) -> bool:
    if isinstance(e, core.ConApp):
        return not e.args
    return isinstance(e, core.CoreVar | core.IntLit | core.CharLit | core.DoubleLit)


@dataclass
class _Known:
    """What a ``case`` alternative learnt: the scrutinee is ``con`` with ``args``."""

    con: core.DataConRef
    args: tuple[core.Expr, ...]


@dataclass
class _Simplifier:
    supply: Supply
    inline: Mapping[Name, core.Expr]
    level: int
    subst: dict[Name, core.Expr] = field(default_factory=dict)
    known: dict[Name, _Known] = field(default_factory=dict)
    budget: int = _BUDGET

    def top(self, b: core.Bind) -> core.Expr:
        self.self_name = b.var.name
        return self.expr(b.rhs)

    # --- Expressions -----------------------------------------------------------------

    def expr(self, e: core.Expr) -> core.Expr:
        match e:
            case core.CoreVar():
                return self.var(e)
            case core.App(f, args):
                return self.app(self.expr(f), tuple(self.expr(a) for a in args))
            case core.Lam(params, body):
                inner = self.expr(body)
                if isinstance(inner, core.Lam):
                    return core.Lam(params + inner.params, inner.body)
                return core.Lam(params, inner)
            case core.Let(b, body):
                return self.let(b.var, self.expr(b.rhs), body)
            case core.LetRec(binds, body):
                return self.letrec(binds, body)
            case core.Case(scrut, binder, t, alts):
                return self.case(self.expr(scrut), binder, t, alts)
            case core.ConApp(con, args):
                return core.ConApp(con, tuple(self.expr(a) for a in args)) if args else e
            case core.PrimOp(entity, arity, args, t):
                return _fold(core.PrimOp(entity, arity, tuple(self.expr(a) for a in args), t))
            case _:
                return e

    def var(self, v: core.CoreVar) -> core.Expr:
        found = self.subst.get(v.name)
        if found is not None:
            return found
        if self.level >= 1 and v.name.is_global and v.name != self.self_name:
            rhs = self.inline.get(v.name)
            if rhs is not None and _is_atom(rhs) and self.budget > 0:
                self.budget -= 1
                return self.var(rhs) if isinstance(rhs, core.CoreVar) else rhs
        return v

    def app(self, f: core.Expr, args: tuple[core.Expr, ...]) -> core.Expr:
        if isinstance(f, core.App):
            return self.app(f.fun, f.args + args)
        if isinstance(f, core.Lam):
            return self.beta(f, args)
        if isinstance(f, core.Let):
            return core.Let(f.bind, self.app(f.body, args))
        if isinstance(f, core.Case) and len(f.alts) == 1 and all(_is_atom(a) for a in args):
            alt = f.alts[0]
            return core.Case(f.scrut, f.binder, f.type, (_with_rhs(alt, self.app(alt.rhs, args)),))
        if isinstance(f, core.CoreVar) and self.level >= 1:
            unfolding = self._unfolding(f.name)
            if isinstance(unfolding, core.Lam) and len(unfolding.params) <= len(args):
                self.budget -= 1
                copy = clone(unfolding, self.supply)
                assert isinstance(copy, core.Lam)
                return self.beta(copy, args, fresh_body=True)
        return core.App(f, args)

    def _unfolding(self, name: Name) -> core.Expr | None:
        if not name.is_global or name == self.self_name or self.budget <= 0:
            return None
        return self.inline.get(name)

    def beta(self, f: core.Lam, args: tuple[core.Expr, ...], fresh_body: bool = False) -> core.Expr:
        """``(\\ps -> body) args``: the parameters bound to the arguments."""
        n = min(len(f.params), len(args))
        binds: list[core.Bind] = []
        for p, a in zip(f.params[:n], args[:n], strict=True):
            if _is_atom(a):
                self.subst[p.name] = a
            else:
                binds.append(core.Bind(p, a))
        rest_params = f.params[n:]
        body: core.Expr = core.Lam(rest_params, f.body) if rest_params else f.body
        body = self.expr(body)
        for b in reversed(binds):
            body = self._finish_let(b.var, b.rhs, body)
        del fresh_body
        return self.app(body, args[n:]) if len(args) > n else body

    def let(self, var: core.CoreVar, rhs: core.Expr, body: core.Expr) -> core.Expr:
        if _is_atom(rhs):
            self.subst[var.name] = rhs
            return self.expr(body)
        return self._finish_let(var, rhs, self.expr(body))

    def _finish_let(self, var: core.CoreVar, rhs: core.Expr, body: core.Expr) -> core.Expr:
        """``let var = rhs in body``, both simplified: dropped, moved or kept."""
        occ = occurrence(body, var.name)
        if occ is Occ.DEAD:
            return body
        if occ is Occ.ONCE:
            return replace(body, var.name, rhs)
        if isinstance(rhs, core.Let):  # let x = (let y = a in b) in e: float y out
            return core.Let(rhs.bind, self._finish_let(var, rhs.body, body))
        return core.Let(core.Bind(var, rhs), body)

    def letrec(self, binds: tuple[core.Bind, ...], body: core.Expr) -> core.Expr:
        new = tuple(core.Bind(b.var, self.expr(b.rhs)) for b in binds)
        inner = self.expr(body)
        live = _reachable(new, inner)
        kept = tuple(b for b in new if b.var.name in live)
        return core.LetRec(kept, inner) if kept else inner

    # --- Case --------------------------------------------------------------------------

    def case(
        self,
        scrut: core.Expr,
        binder: core.CoreVar,
        t: Type,
        alts: tuple[core.Alt, ...],
    ) -> core.Expr:
        if isinstance(scrut, core.Let):
            return core.Let(scrut.bind, self.case(scrut.body, binder, t, alts))
        known = self._known(scrut)
        if known is not None:
            chosen = self._choose_con(known, binder, scrut, alts)
            if chosen is not None:
                return chosen
        if isinstance(scrut, core.IntLit | core.CharLit | core.DoubleLit):
            for a in alts:
                if (isinstance(a, core.LitAlt) and a.lit == scrut) or isinstance(
                    a, core.DefaultAlt
                ):
                    self.subst[binder.name] = scrut
                    return self.expr(a.rhs)
        out: list[core.Alt] = []
        for a in alts:
            out.append(self._alt(a, scrut, binder))
        return core.Case(scrut, binder, t, tuple(out))

    def _known(self, scrut: core.Expr) -> _Known | None:
        if isinstance(scrut, core.ConApp):
            return _Known(scrut.con, scrut.args)
        if isinstance(scrut, core.CoreVar):
            k = self.known.get(scrut.name)
            if k is not None:
                return k
            unfolding = self._unfolding(scrut.name) if self.level >= 1 else None
            if isinstance(unfolding, core.ConApp) and all(_is_atom(a) for a in unfolding.args):
                self.budget -= 1
                return _Known(unfolding.con, unfolding.args)
        return None

    def _choose_con(
        self, known: _Known, binder: core.CoreVar, scrut: core.Expr, alts: tuple[core.Alt, ...]
    ) -> core.Expr | None:
        for a in alts:
            if isinstance(a, core.ConAlt) and a.con.name == known.con.name:
                if len(a.vars) != len(known.args):
                    return None
                binds: list[core.Bind] = []
                for v, arg in zip(a.vars, known.args, strict=True):
                    if _is_atom(arg):
                        self.subst[v.name] = arg
                    else:
                        binds.append(core.Bind(v, arg))
                whole: core.Expr = scrut
                if binds and isinstance(scrut, core.ConApp):  # share the fields just bound
                    fields = tuple(self.subst.get(v.name, _use(v)) for v in a.vars)
                    whole = core.ConApp(scrut.con, fields)
                return self._bind_binder(binder, whole, a.rhs, binds)
            if isinstance(a, core.DefaultAlt):
                return self._bind_binder(binder, scrut, a.rhs, [])
        return None

    def _bind_binder(
        self, binder: core.CoreVar, whole: core.Expr, rhs: core.Expr, binds: list[core.Bind]
    ) -> core.Expr:
        if _is_atom(whole):
            self.subst[binder.name] = whole
            body = self.expr(rhs)
        else:
            body = self._finish_let(binder, whole, self.expr(rhs))
        for b in reversed(binds):
            body = self._finish_let(b.var, b.rhs, body)
        return body

    def _alt(self, a: core.Alt, scrut: core.Expr, binder: core.CoreVar) -> core.Alt:
        if not isinstance(a, core.ConAlt):
            return _with_rhs(a, self.expr(a.rhs))
        fact = _Known(a.con, tuple(_use(v) for v in a.vars))
        names = [binder.name] + ([scrut.name] if isinstance(scrut, core.CoreVar) else [])
        saved = {n: self.known.get(n) for n in names}
        for n in names:
            self.known[n] = fact
        try:
            rhs = self.expr(a.rhs)
        finally:
            for n, old in saved.items():
                if old is None:
                    self.known.pop(n, None)
                else:
                    self.known[n] = old
        return core.ConAlt(a.con, a.vars, rhs)


def _use(v: core.CoreVar) -> core.CoreVar:
    return core.CoreVar(v.name, v.type.qual.head if isinstance(v.type, Forall) else v.type)


def _with_rhs(a: core.Alt, rhs: core.Expr) -> core.Alt:
    match a:
        case core.ConAlt(con, vs, _):
            return core.ConAlt(con, vs, rhs)
        case core.LitAlt(lit, _):
            return core.LitAlt(lit, rhs)
        case core.DefaultAlt():
            return core.DefaultAlt(rhs)


def _reachable(binds: tuple[core.Bind, ...], body: core.Expr) -> set[Name]:
    from ifacedir.syntax.corewalk import occurrences

    rhs = {b.var.name: b.rhs for b in binds}
    live: set[Name] = set()
    todo = [n for n in occurrences(body) if n in rhs]
    while todo:
        n = todo.pop()
        if n in live:
            continue
        live.add(n)
        todo.extend(m for m in occurrences(rhs[n]) if m in rhs and m not in live)
    return live


# --- Constant folding -------------------------------------------------------------------------

_INT_OPS: Final = {
    "intAdd": lambda a, b: wrap_int(a + b),
    "intSub": lambda a, b: wrap_int(a - b),
    "intMul": lambda a, b: wrap_int(a * b),
}
_INT_TESTS: Final = {
    "intEq": lambda a, b: a == b,
    "intLt": lambda a, b: a < b,
    "intLe": lambda a, b: a <= b,
}


def _fold(op: core.PrimOp) -> core.Expr:
    """A primitive on ``Int`` literals, computed now."""
    if len(op.args) != 2:
        return op
    a, b = op.args
    if not (isinstance(a, core.IntLit) and isinstance(b, core.IntLit)):
        return op
    if a.kind is not core.IntKind.INT or b.kind is not core.IntKind.INT:
        return op
    if op.entity in _INT_OPS:
        return core.IntLit(_INT_OPS[op.entity](a.value, b.value), core.IntKind.INT)
    if op.entity in _INT_TESTS:
        return _TRUE if _INT_TESTS[op.entity](a.value, b.value) else _FALSE
    return op
