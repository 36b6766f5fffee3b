"""Binding groups (THIH §11.6, Report §4.5): dependency analysis, implicit groups with
generalisation and the monomorphism restriction, explicit signatures.

``infer_bind_group(tc, env, decls)`` types the declarations of one ``let``, ``where``
or the top level of a module (THIH ``tiBindGroup``):

1. **Signatures** become schemes (``convert.sig_scheme``). A binding whose variable has
   one is *explicit*, every other one (pattern bindings included) *implicit*.
2. The explicit binders join the environment with their declared schemes at once, so
   every binding can use them, polymorphically, including themselves (polymorphic
   recursion, Report §4.4.1).
3. **Dependency analysis** (Report §4.5.1): the implicit bindings are split into
   strongly connected components of the "mentions" relation, ignoring edges to
   explicit binders (their types are known), dependencies first; names are unique
   after renaming, so a binding mentions ``x`` when ``x``'s ``Name`` occurs in it.
4. Each **implicit group** in turn (``infer_impls``, THIH ``tiImpls``): fresh types for
   its binders, inference of every binding, then ``split`` with the variables free in
   the environment as fixed: deferred predicates go to the enclosing group, retained
   ones are quantified, unless the group is *restricted* (Rule 1 of Report §4.5.5),
   in which case they are deferred too and their variables stay monomorphic.
5. Each **explicit binding** (``infer_expl``, THIH ``tiExpl``): the scheme instantiated
   with fresh *rigid* variables and its context taken as given
   (``check_against``). The wanted predicates the givens do not entail are split; a
   retained one "could not be deduced" (T013). The rigid variables must still be
   distinct variables, free nowhere in the environment: otherwise the signature is
   more general than the binding (T014, "rigid type variable").

Class default methods, instance methods and ``e :: sig`` use ``check_against`` too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.span import SrcSpan
from ifacedir.syntax.traverse import iter_nodes
from ifacedir.syntax.types import (
    STAR,
    IsIn,
    Pred,
    Qual,
    Scheme,
    TAp,
    TCon,
    TGen,
    TVar,
    Type,
    TypePrinter,
    TyVar,
)
from ifacedir.typecheck.assump import Assump, Assumptions
from ifacedir.typecheck.classes import entail
from ifacedir.typecheck.context import reduce
from ifacedir.typecheck.convert import sig_scheme
from ifacedir.typecheck.defaulting import Split, restricted, split
from ifacedir.typecheck.infer import (
    Bound,
    TDecl,
    TExpr,
    check_expr,
    infer_match,
    infer_rhs,
    set_bind_group_hook,
)
from ifacedir.typecheck.patterns import free_gens, infer_pat
from ifacedir.typecheck.state import ErrorPrinter
from ifacedir.typecheck.subst import Subst, apply, free_tyvars, instantiate, quantify
from ifacedir.typecheck.tcenv import EvScope, Occ, Tc
from ifacedir.typecheck.unify import UnifyError
from ifacedir.typecheck.written import sccs

__all__ = [
    "Binding",
    "check_against",
    "check_binding",
    "check_expr_sig",
    "generalise_rigid",
    "infer_bind_group",
    "pattern_binders",
]

Binding = ast.FunBind[Name] | ast.PatBind[Name]
_X = TypeVar("_X")


def infer_bind_group(
    tc: Tc,
    env: Assumptions,
    decls: Sequence[ast.Decl[Name]],
    top: dict[Name, Scheme] | None = None,
) -> tuple[tuple[TDecl, ...], Assumptions]:
    """The typed declarations (same order) and ``env`` with their binders.

    With ``top`` (the module's globals), closed schemes are added there instead of
    to a new layer of ``env``; see Note [Top-level schemes are globals]."""
    sigs = _signatures(tc, decls)
    binds: list[Binding] = [d for d in decls if isinstance(d, ast.FunBind | ast.PatBind)]
    explicit = [b for b in binds if isinstance(b, ast.FunBind) and b.name in sigs]
    implicit = [b for b in binds if not (isinstance(b, ast.FunBind) and b.name in sigs)]
    _unbound_signatures(tc, decls, binds)
    expl = [Assump(b.name, sigs[b.name]) for b in explicit]
    if top is not None:
        top.update((a.name, a.scheme) for a in expl)
    elif expl:
        env = env.extend(expl)
    typed: dict[int, TDecl] = {}
    for group in implicit_groups(implicit):
        env = infer_impls(tc, env, group, typed, sigs, top)
    for b in explicit:
        typed[id(b)] = infer_expl(tc, env, b, sigs[b.name])
    return tuple(typed.get(id(d), d) for d in decls), env


set_bind_group_hook(infer_bind_group)

# Note [Top-level schemes are globals]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Generalisation needs the type variables free in the environment, and
# ``free_tyvars(env)`` walks every local assumption. At the top level of a module of
# a few hundred bindings, keeping each generalised (hence closed) scheme as a local
# would make that walk quadratic. Closed schemes go into the globals instead;
# only the binders of restricted groups, whose types may still have free variables
# (Rule 1 of Report §4.5.5), stay in a local layer where generalisation sees them.


def _signatures(tc: Tc, decls: Sequence[ast.Decl[Name]]) -> dict[Name, Scheme]:
    sigs: dict[Name, Scheme] = {}
    for d in decls:
        if isinstance(d, ast.TypeSig):
            sc = sig_scheme(tc.st, tc.scope, d.type)
            _ambiguous_signature(tc, d, sc)
            for n in d.names:
                if n in sigs:
                    tc.st.report("T018", d.span, f"Duplicate type signatures for ‘{n.occ}’")
                sigs[n] = sc
    return sigs


def _ambiguous_signature(tc: Tc, d: ast.TypeSig[Name], sc: Scheme) -> None:
    """Report §4.3.4: a constrained variable of a signature must appear in its type."""
    in_type = set(free_gens(sc.qual.head))
    for p in sc.qual.preds:
        if not set(free_gens(p.type)) <= in_type:
            pp = TypePrinter()
            pp.scheme(sc)
            names = ", ".join(n.occ for n in d.names)
            message = (
                f"Could not deduce ({pp.pred(p)}) in the ambiguity check for ‘{names}’:"
                f" the type variable does not appear in ‘{pp.type(sc.qual.head)}’"
            )
            tc.st.report("T005", d.type.span, message)


def _unbound_signatures(tc: Tc, decls: Sequence[ast.Decl[Name]], binds: list[Binding]) -> None:
    bound = {n for b in binds for n in binders(b)}
    for d in decls:
        if isinstance(d, ast.TypeSig):
            for n in d.names:
                if n not in bound:
                    message = f"The type signature for ‘{n.occ}’ lacks an accompanying binding"
                    tc.st.report("T018", d.span, message)


def binders(b: Binding) -> list[Name]:
    if isinstance(b, ast.FunBind):
        return [b.name]
    return pattern_binders(b.pat)


def pattern_binders(p: ast.Pat[Name]) -> list[Name]:
    """The variables a pattern binds, left to right."""
    out: list[Name] = []
    for node in iter_nodes(p):
        if isinstance(node, ast.PVar | ast.PAs):
            out.append(node.name)
    return out


def implicit_groups(binds: Sequence[Binding]) -> list[list[Binding]]:
    """Step 3 of the module docstring: SCCs, dependencies first, else source order."""
    keys: list[Name] = []
    owner: dict[Name, Name] = {}
    by_key: dict[Name, Binding] = {}
    for i, b in enumerate(binds):
        names = binders(b)
        key = names[0] if names else Name.local("_", NameSpace.VAR, -1 - i)
        keys.append(key)
        by_key[key] = b
        owner.update(dict.fromkeys(names, key))
    edges: dict[Name, list[Name]] = {}
    for key in keys:
        seen: dict[Name, None] = {}
        for node in iter_nodes(by_key[key]):
            if isinstance(node, Name) and node in owner:
                seen.setdefault(owner[node])
        edges[key] = list(seen)
    return [[by_key[k] for k in scc] for scc in sccs(keys, edges)]


# --- Implicit groups ---------------------------------------------------------------------


def infer_impls(
    tc: Tc,
    env: Assumptions,
    group: list[Binding],
    typed: dict[int, TDecl],
    sigs: dict[Name, Scheme],
    top: dict[Name, Scheme] | None,
) -> Assumptions:
    """THIH ``tiImpls`` for one group; returns the environment with its binders."""
    ts: dict[Name, Type] = {n: tc.st.new_tvar(STAR) for b in group for n in binders(b)}
    env1 = env.extend(Assump(n, Scheme((), Qual((), t))) for n, t in ts.items())
    occs: dict[Name, Occ] = {}
    errors_before = len(tc.st.errors)
    scope = EvScope(tc.ev)
    with tc.in_scope(scope), tc.collect() as wanted:
        for b in group:
            typed[id(b)] = _infer_binding(tc, env1, b, ts, occs)
    ps = apply(tc.st, tuple(wanted))
    fs = free_tyvars(apply(tc.st, env))
    tys = [apply(tc.st, t) for t in ts.values()]
    vss = [free_tyvars(t) for t in tys]
    gs = [v for v in dict.fromkeys(v for vs in vss for v in vs) if v not in set(fs)]
    common = [v for v in vss[0] if all(v in vs for vs in vss[1:])] if vss else []
    is_restricted = restricted(group, sigs)
    # A restricted group's variables stay monomorphic, to be fixed or defaulted
    # later (Rule 2), so none of them is ambiguous here.
    sp = split(tc.ce, fs, gs if is_restricted else [v for v in common if v not in set(fs)], ps)
    _finish_split(tc, group[0].span, sp, wanted, errors_before)
    tys = [apply(tc.st, t) for t in tys]
    if is_restricted:
        rvs = set(free_tyvars(sp.retained))
        scs = [quantify([g for g in gs if g not in rvs], Qual((), t)) for t in tys]
        tc.wanted.extend((*sp.deferred, *sp.retained))
    else:
        scs = [quantify(gs, Qual(sp.retained, t)) for t in tys]
        tc.wanted.extend(sp.deferred)
        scope.givens.extend(sp.retained)
    new = [Assump(n, sc) for n, sc in zip(ts, scs, strict=True)]
    for a in new:
        if a.name in occs:
            occs[a.name].scheme = a.scheme
            if not is_restricted:  # See Note [Binders and their dictionaries]
                occs[a.name].preds = sp.retained
    return _add(env, new, top)


def _add(env: Assumptions, new: list[Assump], top: dict[Name, Scheme] | None) -> Assumptions:
    """See Note [Top-level schemes are globals]."""
    if top is None:
        return env.extend(new)
    open_ = [a for a in new if free_tyvars(a.scheme)]
    top.update((a.name, a.scheme) for a in new if not free_tyvars(a.scheme))
    return env.extend(open_) if open_ else env


def _finish_split(
    tc: Tc, span: SrcSpan, sp: Split, wanted: Sequence[Pred], errors_before: int
) -> None:
    """Report what ``split`` could not solve, each where it arose, and commit its
    defaults. An ambiguity in a binding that already has a type error is usually a
    consequence of it (the type that would have fixed the variable is unknown), so it
    is not reported, as GHC does not."""
    pp = ErrorPrinter()
    for p in sp.unsolved:
        at, why = tc.origin_of(p, wanted) or (span, "")
        arising = f" arising from {why}" if why else ""
        tc.st.report("T004", at, f"No instance for ({pp.pred(p)}){arising}")
    for a in sp.defaulted.unresolved if len(tc.st.errors) == errors_before else ():
        p = a.preds[0]
        at, why = tc.origin_of(p, wanted) or (span, "")
        arising = f" arising from {why}" if why else ""
        shown = ", ".join(pp.pred(q) for q in a.preds)
        message = (
            f"Ambiguous type variable ‘{pp.type(TVar(a.var))}’{arising} prevents the constraint"
            f" ‘({shown})’ from being solved"
        )
        tc.st.report("T005", at, message)
    dflt = [(u, t) for u, t in sp.defaulted.subst.items() if tc.st.lookup(u) is None]
    if dflt:
        tc.st.ext_subst(Subst(dflt))


def _infer_binding(
    tc: Tc, env: Assumptions, b: Binding, ts: dict[Name, Type], occs: dict[Name, Occ]
) -> TDecl:
    if isinstance(b, ast.FunBind):
        # The binder's type so far (set by earlier bindings of the group) is pushed
        # in, so a mismatch is reported inside this binding, as GHC does.
        typed, t = infer_fun(tc, env, b, ts[b.name])
        tc.st.unify_at(b.span, ts[b.name], t)
        occ = tc.binder(b.name, ts[b.name])
        occs[b.name] = occ
        return ast.FunBind(b.span, occ, typed)
    out: list[Bound] = []
    with tc.st.context(lambda: "In a pattern binding"):
        tp, tpat = infer_pat(tc, env, b.pat, out)
        trhs, tr = infer_rhs(tc, env, b.rhs)
        tc.st.unify_at(b.rhs.span, tpat, tr)
    for bound in out:
        tc.st.unify_at(b.span, ts[bound.name], bound.type)
        occs[bound.name] = bound.occ
    return ast.PatBind(b.span, tp, trhs)


def _unify_after(tc: Tc, span: SrcSpan, t1: Type, t2: Type, errors_before: int) -> None:
    """Unify a binding's type with what its clauses gave; when an error was reported
    inside them the mismatch is a consequence of it, so unify without reporting."""
    if len(tc.st.errors) == errors_before:
        tc.st.unify_at(span, t1, t2)
        return
    with contextlib.suppress(UnifyError):
        tc.st.unify(t1, t2)


def infer_fun(
    tc: Tc, env: Assumptions, b: ast.FunBind[Name], expected: Type | None = None
) -> tuple[tuple[Any, ...], Type]:
    """The clauses of a function binding, which must all have one type (``expected``,
    from a signature, when known)."""
    t: Type | None = expected
    typed: list[ast.Match[Any]] = []
    with tc.st.context(f"In an equation for ‘{b.name.occ}’"):
        for m in b.matches:
            if len(m.pats) != len(b.matches[0].pats):
                message = f"Equations for ‘{b.name.occ}’ have different numbers of arguments"
                tc.st.report("T001", m.span, message)
                continue
            before = len(tc.st.errors)
            tm, mt = infer_match(tc, env, m, t)
            typed.append(tm)
            if t is None:
                t = mt
            else:
                _unify_after(tc, m.span, t, mt, before)
    assert t is not None, "a function binding has at least one clause"
    return tuple(typed), t


# --- Explicit bindings -------------------------------------------------------------------


def infer_expl(tc: Tc, env: Assumptions, b: ast.FunBind[Name], sc: Scheme) -> TDecl:
    """THIH ``tiExpl``: check ``b`` against its signature's scheme."""
    rigid = tc.rigid_vars(sc.kinds)
    q = instantiate(rigid, sc.qual)
    what = f"the type signature for ‘{b.name.occ}’"
    typed = check_binding(tc, env, b, q.preds, q.head, rigid, what)
    assert isinstance(typed, ast.FunBind)
    typed.name.scheme = sc
    return typed


def check_binding(
    tc: Tc,
    env: Assumptions,
    b: Binding,
    givens: tuple[Pred, ...],
    t: Type,
    rigid: Sequence[Type],
    what: str,
) -> TDecl:
    """``b`` checked against the type ``t`` with ``givens``; ``rigid`` are the
    signature's rigid variables (see Note [Rigid type variables] in
    ifacedir.typecheck.tcenv)."""

    def infer() -> tuple[TDecl, Type]:
        if isinstance(b, ast.FunBind):
            typed, ti = infer_fun(tc, env, b, t)
            occ = tc.binder(b.name, t)
            occ.preds = givens  # See Note [Binders and their dictionaries]
            return ast.FunBind(b.span, occ, typed), ti
        out: list[Bound] = []
        tp, tpat = infer_pat(tc, env, b.pat, out)
        trhs, _ = infer_rhs(tc, env, b.rhs, tpat)
        return ast.PatBind(b.span, tp, trhs), tpat

    return check_against(tc, env, b.span, givens, t, rigid, what, infer)


def check_against(
    tc: Tc,
    env: Assumptions,
    span: SrcSpan,
    givens: tuple[Pred, ...],
    t: Type,
    rigid: Sequence[Type],
    what: str,
    infer: Callable[[], tuple[_X, Type]],
) -> _X:
    """Step 5 of the module docstring for whatever ``infer`` types."""
    scope = EvScope(tc.ev, givens)
    errors_before = len(tc.st.errors)
    with tc.in_scope(scope), tc.collect() as wanted:
        x, ti = infer()
        _unify_after(tc, span, t, ti, errors_before)
    fs = free_tyvars(apply(tc.st, env))
    _check_escape(tc, span, rigid, fs, what)
    gvs = apply(tc.st, givens)
    ps = [p for p in dict.fromkeys(apply(tc.st, tuple(wanted))) if not entail(tc.ce, gvs, p)]
    own = set(rigid)
    mine = [p for p in ps if _mentions_any(p.type, own)]
    sp = split(tc.ce, fs, [], [p for p in ps if p not in mine])
    _finish_split(tc, span, sp, wanted, errors_before)
    red = reduce(tc.ce, mine)
    for p in red.unsolved:
        at, why = tc.origin_of(p, wanted) or (span, "")
        arising = f" arising from {why}" if why else ""
        tc.st.report("T004", at, f"No instance for ({TypePrinter().pred(p)}){arising}")
    for p in red.retained:
        _could_not_deduce(tc, span, p, gvs, what, wanted)
    tc.wanted.extend(sp.deferred)
    tc.wanted.extend(sp.retained)
    return x


def _mentions_any(t: Type, ts: set[Type]) -> bool:
    stack = [t]
    while stack:
        u = stack.pop()
        if u in ts:
            return True
        if isinstance(u, TAp):
            stack.extend((u.fun, u.arg))
    return False


def _check_escape(
    tc: Tc, span: SrcSpan, rigid: Sequence[Type], fs: Iterable[TyVar], what: str
) -> None:
    """A rigid variable must not leak into the environment's types (it would then
    stand for one type outside the binding that generalises it)."""
    if not rigid:
        return
    own = set(rigid)
    for v in fs:
        img = apply(tc.st, TVar(v))
        if _mentions_any(img, own):
            pp = TypePrinter()
            message = (
                f"Couldn't match type ‘{pp.type(img)}’ with a type of the environment:"
                f" a rigid type variable bound by {what} would escape its scope"
            )
            tc.st.report("T014", span, message)
            return


def _could_not_deduce(
    tc: Tc, span: SrcSpan, p: Pred, givens: tuple[Pred, ...], what: str, wanted: Sequence[Pred]
) -> None:
    pp = ErrorPrinter()
    at, why = tc.origin_of(p, wanted) or (span, "")
    arising = f" arising from {why}" if why else ""
    shown = pp.pred(p)
    if givens:
        context = ", ".join(pp.pred(g) for g in givens)
        message = (
            f"Could not deduce ({shown}){arising} from the context: ({context}) bound by {what}"
        )
    else:
        message = f"No instance for ({shown}){arising}: add ({shown}) to the context of {what}"
    tc.st.report("T013", at, message)


def check_expr_sig(
    tc: Tc, env: Assumptions, span: SrcSpan, expr: ast.Expr[Name], qt: ast.QualType[Name]
) -> tuple[TExpr, Type]:
    """``e :: sig`` (Report §3.16, the ``ETyped`` at ``span``): ``e`` checked against
    the signature, whose scheme is then instantiated for the context of the
    annotation. See Note [Annotations with a context]."""
    sc = sig_scheme(tc.st, tc.scope, qt)
    if not sc.kinds and not sc.qual.preds:
        return check_expr(tc, env, expr, sc.qual.head), sc.qual.head
    rigid = tc.rigid_vars(sc.kinds)
    q = instantiate(rigid, sc.qual)
    te = check_against(
        tc,
        env,
        expr.span,
        q.preds,
        q.head,
        rigid,
        "an expression type signature",
        lambda: (check_expr(tc, env, expr, q.head), q.head),
    )
    inst = tc.st.fresh_inst(sc)
    tc.wanted.extend(inst.preds)
    if sc.qual.preds:
        name = Name.local("::", NameSpace.VAR, len(tc.occs) + 1)
        binder = tc.binder(name, q.head)
        binder.scheme, binder.preds = sc, q.preds
        use = Occ(name, inst.head, inst.preds, tc.ev)
        tc.occs.append(use)
        tc.witnesses += [(span, "::", binder), (span, "::use", use)]
        for p in inst.preds:
            tc.origins.setdefault(p, (span, "an expression type signature"))
    return te, inst.head


# Note [Annotations with a context]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# `(e :: Num a => a -> a)` makes `e` a little binding of its own: it is checked with
# the annotation's context given, so proofs inside it may assume `Num a`, and the
# annotation is then used at a fresh instance, which needs evidence where it stands.
# The tree has no name for either, so two witnesses at the `ETyped`'s span carry
# them (Note [Witnesses for syntax] in ifacedir.syntax.evidence): role `::` is the
# binder, with its scheme and dictionary parameters (Note [Binders and their
# dictionaries] in ifacedir.typecheck.tcenv), role `::use` the occurrence, with the
# evidence for the instantiated context.


def generalise_rigid(rigid: Sequence[Type], qt: Qual[Type]) -> Scheme:
    """The scheme that ``qt`` stands for, its rigid variables ``rigid`` quantified in
    that order (the inverse of instantiating a signature with ``Tc.rigid_vars``)."""
    index = {r: i for i, r in enumerate(rigid)}

    def gen(t: Type) -> Type:
        if t in index:
            return TGen(index[t])
        if isinstance(t, TAp):
            return TAp(gen(t.fun), gen(t.arg))
        return t

    preds = tuple(IsIn(p.cls, gen(p.type)) for p in qt.preds)
    kinds = tuple(r.con.kind if isinstance(r, TCon) else STAR for r in rigid)
    return Scheme(kinds, Qual(preds, gen(qt.head)))
