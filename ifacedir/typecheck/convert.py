"""From written types to types: conversion, synonym expansion, and declared schemes.

The renamer leaves types as syntax (``ast.Type[Name]``); inference works on
``Type`` (ifacedir.syntax.types). ``to_type`` converts one, given a ``TypeScope``: the
kinds of the type constructors (as inferred by ifacedir.typecheck.kinds), the type
synonyms, and the ``TyVar`` of each written type variable. On the way it

* builds ``fn``, ``list_type`` and ``tuple_type`` for ``->``, ``[t]`` and ``(t1, t2)``;
* expands type synonyms (Report §4.2.2): ``S t1 ... tn u1 ...`` becomes the
  synonym's right-hand side with its parameters replaced by ``t1 ... tn``, applied to
  the remaining ``u1 ...``. A synonym given fewer arguments than it has parameters is
  an error. Types are therefore synonym-free; see Note [Types are synonym-free].

Then the schemes that declarations give, each quantified over its written variables
in GHC's order (see Note [Quantification order of written types]):

* ``synonym``: a ``type`` declaration as a ``Synonym``, for the ``TypeScope``s of
  the declarations after it (its own group's synonyms must come first, in dependency
  order; a cycle of synonyms alone is an error, Report §4.2.2, for the caller);
* ``sig_scheme``: a type signature ``ctx => t`` (Report §4.4.1);
* ``method_scheme``: a class method, ``forall a b. (C a, ctx) => t`` (§4.3.1);
* ``constructor_scheme``: a data constructor, ``forall params. t1 -> ... -> T params``
  (§4.2.1), whose variables are numbered in the order of the data declaration's;
* ``instance_head``: an instance declaration as the ``Qual[Pred]`` that ``add_inst``
  takes (§4.3.2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import (
    STAR,
    IsIn,
    KFun,
    Kind,
    Pred,
    Qual,
    Scheme,
    TAp,
    TCon,
    TGen,
    TVar,
    TyCon,
    Type,
    TyVar,
    fn,
    list_type,
    tuple_type,
)
from ifacedir.typecheck.kinds import builtin_kind, check_instance, kind_qual_type
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import Subst, apply

__all__ = [
    "Synonym",
    "TypeScope",
    "constructor_scheme",
    "instance_head",
    "method_scheme",
    "sig_scheme",
    "synonym",
    "to_type",
    "tyvar_of",
]

# Note [Types are synonym-free]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# As in THIH, a `Type` never mentions a synonym: synonyms are expanded when written
# types are converted, so unification and matching compare structure only. The price
# is in printing: GHC keeps synonyms in the types it infers where they came from a
# signature (`show :: a -> String` makes `map show :: [a] -> [String]`), while we print
# `[[Char]]`. Comparisons with GHC's output therefore expand synonyms on GHC's side
# (tests do this for `String`). Keeping synonyms would mean a `TSyn` node that every
# function over types must see through; we can add it later without changing the
# interface of this module.

# Note [Quantification order of written types]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# GHC quantifies the variables of a written signature in order of first appearance,
# reading the context before the type: `f :: Eq b => a -> b -> a` has the scheme
# `forall b a.` (recorded with GHC 9.0.2 in tests/unit/typecheck/test_tc_convert.py).
# A synonym's expansion may reorder or drop variables (`type Const a b = a`), so we
# number the variables as written, not as they appear after expansion. A method's
# class variable comes first (`forall a b. (C a, Show b) => ...`); a constructor's
# variables are its declaration's parameters in order.


@dataclass(frozen=True, slots=True)
class Synonym:
    """``type name params = rhs``, with ``rhs`` already free of synonyms."""

    name: Name
    params: tuple[TyVar, ...]
    rhs: Type


@dataclass(frozen=True, slots=True)
class TypeScope:
    """What ``to_type`` needs: constructor kinds, synonyms, and the written variables."""

    kinds: Mapping[Name, Kind]
    synonyms: Mapping[Name, Synonym] = field(default_factory=dict)
    tyvars: Mapping[Name, TyVar] = field(default_factory=dict)

    def with_tyvars(self, tyvars: Mapping[Name, TyVar]) -> TypeScope:
        return TypeScope(self.kinds, self.synonyms, tyvars)


def tyvar_of(v: Name, k: Kind) -> TyVar:
    """The ``TyVar`` of a written type variable: ``a_3`` for the local name ``a``, 3.

    The underscore keeps these apart from the fresh ``t1``, ``t2``, ... of
    ``TcState.new_tvar``, whatever the programmer called the variable."""
    return TyVar(v.qualified(), k)


def to_type(st: TcState, scope: TypeScope, t: ast.Type[Name]) -> Type:
    """``t`` as a ``Type``, synonyms expanded (see the module docstring)."""
    spine: list[ast.Type[Name]] = []
    while isinstance(t, ast.TApp):
        spine.append(t.arg)
        t = t.fun
    args = [to_type(st, scope, a) for a in reversed(spine)]
    head: Type
    match t:
        case ast.TCon(span, name) if name in scope.synonyms:
            syn = scope.synonyms[name]
            n = len(syn.params)
            if len(args) < n:
                message = (
                    f"The type synonym ‘{name.occ}’ should have {n} argument{'s' * (n != 1)},"
                    f" but has been given {len(args)}"
                )
                st.report("T010", span, message)
            s = Subst(zip(syn.params, args[:n], strict=False))
            head, args = apply(s, syn.rhs), args[n:]
        case ast.TCon(_, name):
            head = TCon(TyCon(name, _kind(scope, name)))
        case ast.TVar(_, v):
            # Not in scope only after a renamer error (an unbound variable); carry on.
            head = TVar(scope.tyvars.get(v) or tyvar_of(v, STAR))
        case ast.TFun(_, a, r):
            head = fn(to_type(st, scope, a), to_type(st, scope, r))
        case ast.TList(_, e):
            head = list_type(to_type(st, scope, e))
        case ast.TTuple(_, es):
            head = tuple_type(to_type(st, scope, e) for e in es)
    for arg in args:
        head = TAp(head, arg)
    return head


def _kind(scope: TypeScope, name: Name) -> Kind:
    k = scope.kinds.get(name) or builtin_kind(name)
    # Kind checking came first and reported an unknown constructor; carry on.
    return STAR if k is None else k


def _preds(st: TcState, scope: TypeScope, ps: tuple[ast.Pred[Name], ...]) -> tuple[Pred, ...]:
    return tuple(IsIn(p.cls, to_type(st, scope, p.type)) for p in ps)


def _quantify_written(tyvars: Mapping[Name, TyVar], qt: Qual[Type]) -> Scheme:
    """See Note [Quantification order of written types]."""
    vs = list(tyvars.values())
    s = Subst({v: TGen(n) for n, v in enumerate(vs)})
    return Scheme(tuple(v.kind for v in vs), apply(s, qt))


def sig_scheme(st: TcState, scope: TypeScope, qt: ast.QualType[Name]) -> Scheme:
    """The scheme a type signature declares: ``f :: Eq b => a -> b -> a`` gives
    ``forall b a. Eq b => a -> b -> a``."""
    kinds = kind_qual_type(st, scope.kinds, qt)
    inner = scope.with_tyvars({v: tyvar_of(v, k) for v, k in kinds.items()})
    qual = Qual(_preds(st, inner, qt.context), to_type(st, inner, qt.type))
    return _quantify_written(inner.tyvars, qual)


def method_scheme(
    st: TcState, scope: TypeScope, cls: Name, tyvar: Name, qt: ast.QualType[Name]
) -> Scheme:
    """The scheme of method ``m :: ctx => t`` of ``class C a``: ``forall a ... .
    (C a, ctx) => t``."""
    kinds = kind_qual_type(st, scope.kinds, qt, {tyvar: scope.kinds[cls]})
    inner = scope.with_tyvars({v: tyvar_of(v, k) for v, k in kinds.items()})
    own = IsIn(cls, TVar(inner.tyvars[tyvar]))
    qual = Qual((own, *_preds(st, inner, qt.context)), to_type(st, inner, qt.type))
    return _quantify_written(inner.tyvars, qual)


def _params(k: Kind, tyvars: tuple[Name, ...], what: Name) -> dict[Name, TyVar]:
    """The parameters of a declaration of kind ``k1 -> ... -> kn -> r`` as ``TyVar``s."""
    params: dict[Name, TyVar] = {}
    for v in tyvars:
        if not isinstance(k, KFun):
            raise ValueError(f"the kind of {what} does not fit its parameters")
        params[v] = tyvar_of(v, k.arg)
        k = k.res
    return params


def synonym(st: TcState, scope: TypeScope, decl: ast.TypeSynDecl[Name]) -> Synonym:
    """``type S a1 ... an = t`` with ``t`` converted (its synonyms expanded)."""
    params = _params(scope.kinds[decl.name], decl.tyvars, decl.name)
    rhs = to_type(st, scope.with_tyvars(params), decl.rhs)
    return Synonym(decl.name, tuple(params.values()), rhs)


def constructor_scheme(
    st: TcState, scope: TypeScope, decl: ast.DataDecl[Name], con: ast.ConDecl[Name]
) -> Scheme:
    """``C :: forall params. fields -> T params`` for a constructor of ``decl``."""
    tyvars = _params(scope.kinds[decl.name], decl.tyvars, decl.name)
    inner = scope.with_tyvars(tyvars)
    result: Type = TCon(TyCon(decl.name, scope.kinds[decl.name]))
    for u in tyvars.values():
        result = TAp(result, TVar(u))
    for f in reversed(con.fields):
        t = to_type(st, inner, f.type)
        for _ in range(max(1, len(f.labels))):  # `a, b :: Int` is two fields
            result = fn(t, result)
    return _quantify_written(tyvars, Qual((), result))


def instance_head(st: TcState, scope: TypeScope, inst: ast.InstanceDecl[Name]) -> Qual[Pred]:
    """``instance ctx => C t`` as ``ctx :=> C t``, kinds checked on the way."""
    kinds = check_instance(st, scope.kinds, inst)
    inner = scope.with_tyvars({v: tyvar_of(v, k) for v, k in kinds.items()})
    head = IsIn(inst.cls, to_type(st, inner, inst.type))
    return Qual(_preds(st, inner, inst.context), head)
