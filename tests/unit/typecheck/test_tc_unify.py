"""Substitutions, mgu and match (THIH §5-§6), with hypothesis properties."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tc_builders import EQ, MAYBE, ORD, ap, pred, tcon, tv

from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_INT,
    T_LIST,
    Forall,
    Qual,
    TAp,
    TCon,
    TGen,
    TVar,
    Type,
    TyVar,
    fn,
    kind_arity,
    list_type,
    tuple_type,
)
from ifacedir.typecheck.subst import (
    HasTypes,
    Subst,
    Substitution,
    apply,
    free_tyvars,
    instantiate,
    merge,
    quantify,
)
from ifacedir.typecheck.unify import (
    Mismatch,
    UnifyError,
    match,
    match_pred,
    mgu,
    mgu_pred,
    var_bind,
)

A, B, C = tv("a"), tv("b"), tv("c")
F = tv("f", kind_arity(1))


# --- Substitutions -----------------------------------------------------------------------


def test_apply_replaces_only_the_domain() -> None:
    s = Subst.single(A.var, T_INT)
    assert apply(s, fn(A, B)) == fn(T_INT, B)
    assert apply(s, pred(EQ, list_type(A))) == pred(EQ, list_type(T_INT))
    assert apply(s, (A, B)) == (T_INT, B)


def test_apply_keeps_shared_structure_when_nothing_changes() -> None:
    t = fn(B, list_type(C))
    assert apply(Subst.single(A.var, T_INT), t) is t


def test_compose_applies_the_right_substitution_first() -> None:
    s1 = Subst.single(B.var, T_BOOL)
    s2 = Subst.single(A.var, list_type(B))
    assert apply(s1 @ s2, A) == list_type(T_BOOL)
    assert apply(s2 @ s1, A) == list_type(B)


def test_merge_requires_agreement() -> None:
    s1 = Subst.single(A.var, T_INT)
    assert merge(s1, Subst.single(A.var, T_INT)) == s1
    assert merge(s1, Subst.single(B.var, T_BOOL)) == Subst({A.var: T_INT, B.var: T_BOOL})
    assert merge(s1, Subst.single(A.var, T_BOOL)) is None


def test_free_tyvars_in_order_of_appearance() -> None:
    qt = Qual((pred(EQ, B),), fn(A, fn(B, ap(F, A))))
    assert free_tyvars(qt) == (B.var, A.var, F.var)
    assert free_tyvars(Forall((STAR,), Qual((), fn(TGen(0), C)))) == (C.var,)


def test_quantify_numbers_variables_in_order_of_appearance() -> None:
    qt = Qual((pred(EQ, B),), fn(A, fn(B, ap(F, A))))
    sc = quantify([A.var, F.var, B.var], qt)
    assert sc.kinds == (STAR, STAR, kind_arity(1))
    assert sc.qual == Qual((pred(EQ, TGen(0)),), fn(TGen(1), fn(TGen(0), ap(TGen(2), TGen(1)))))
    assert instantiate((B, A, F), sc.qual) == qt


def test_quantify_leaves_other_variables_free() -> None:
    sc = quantify([A.var], Qual((), fn(A, B)))
    assert sc == Forall((STAR,), Qual((), fn(TGen(0), B)))
    assert free_tyvars(sc) == (B.var,)


# --- mgu and match ---------------------------------------------------------------------------


def test_mgu_of_function_types() -> None:
    s = mgu(fn(A, list_type(B)), fn(T_INT, list_type(T_BOOL)))
    assert apply(s, A) == T_INT and apply(s, B) == T_BOOL


def test_mgu_binds_variable_to_variable() -> None:
    s = mgu(A, B)
    assert apply(s, A) == apply(s, B)
    assert mgu(A, A) == Subst.empty()


def test_mgu_higher_kinded_variable() -> None:
    s = mgu(ap(F, A), list_type(T_INT))
    assert apply(s, F) == T_LIST and apply(s, A) == T_INT


def test_mgu_mismatch_reports_the_disagreeing_parts() -> None:
    with pytest.raises(UnifyError) as err:
        mgu(fn(A, T_INT), fn(T_BOOL, T_BOOL))
    assert err.value.reason is Mismatch.TYPES
    assert (err.value.left, err.value.right) == (T_INT, T_BOOL)


def test_occurs_check() -> None:
    with pytest.raises(UnifyError) as err:
        mgu(A, list_type(A))
    assert err.value.reason is Mismatch.OCCURS
    with pytest.raises(UnifyError):
        mgu(fn(A, B), fn(B, fn(A, A)))


def test_kind_mismatch() -> None:
    with pytest.raises(UnifyError) as err:
        mgu(F, T_INT)  # f :: * -> * cannot be Int :: *
    assert err.value.reason is Mismatch.KINDS
    with pytest.raises(UnifyError):
        mgu(ap(F, A), T_INT)  # Int is not an application


def test_match_is_one_way() -> None:
    assert match(list_type(A), list_type(T_INT)) == Subst.single(A.var, T_INT)
    with pytest.raises(UnifyError):
        match(list_type(T_INT), list_type(A))
    assert mgu(list_type(T_INT), list_type(A)) == Subst.single(A.var, T_INT)


def test_match_merges_consistently() -> None:
    pair = tuple_type([A, A])
    assert match(pair, tuple_type([T_INT, T_INT])) == Subst.single(A.var, T_INT)
    with pytest.raises(UnifyError) as err:
        match(pair, tuple_type([T_INT, T_BOOL]))
    assert err.value.reason is Mismatch.NO_MATCH


def test_match_checks_kinds() -> None:
    with pytest.raises(UnifyError):
        match(A, T_LIST)


def test_predicates_of_different_classes_do_not_unify() -> None:
    with pytest.raises(UnifyError) as err:
        mgu_pred(pred(EQ, A), pred(ORD, A))
    assert err.value.reason is Mismatch.CLASSES
    assert match_pred(pred(EQ, A), pred(EQ, ap(MAYBE, T_INT))) == Subst.single(
        A.var, ap(MAYBE, T_INT)
    )


# --- Properties ------------------------------------------------------------------------------

_STAR_VARS = [tv(n) for n in "abcd"]
_CON1_VARS: list[TVar] = [F, tv("g", kind_arity(1))]
_CON1: list[Type] = [T_LIST, MAYBE, *_CON1_VARS]


def _types() -> st.SearchStrategy[Type]:
    leaves: st.SearchStrategy[Type] = st.sampled_from([*_STAR_VARS, T_INT, T_BOOL, tcon("Unit")])
    return st.recursive(
        leaves,
        lambda kids: st.one_of(
            st.builds(fn, kids, kids),
            st.builds(lambda f, t: ap(f, t), st.sampled_from(_CON1), kids),
            st.builds(lambda a, b: tuple_type([a, b]), kids, kids),
        ),
        max_leaves=12,
    )


TYPES = _types()


@st.composite
def _substs(draw: st.DrawFn) -> Subst:
    pairs: dict[TyVar, Type] = {}
    for v in draw(st.lists(st.sampled_from(_STAR_VARS), max_size=4, unique=True)):
        pairs[v.var] = draw(TYPES)
    for f in draw(st.lists(st.sampled_from(_CON1_VARS), max_size=2, unique=True)):
        pairs[f.var] = draw(st.sampled_from(_CON1))
    return Subst(pairs)


SUBSTS = _substs()


@settings(max_examples=200, deadline=None)
@given(SUBSTS, SUBSTS, TYPES)
def test_compose_law(s1: Subst, s2: Subst, t: Type) -> None:
    assert apply(s1 @ s2, t) == apply(s1, apply(s2, t))


@settings(max_examples=200, deadline=None)
@given(SUBSTS, SUBSTS, SUBSTS, TYPES)
def test_compose_is_associative(s1: Subst, s2: Subst, s3: Subst, t: Type) -> None:
    assert apply((s1 @ s2) @ s3, t) == apply(s1 @ (s2 @ s3), t)


@settings(max_examples=300, deadline=None)
@given(TYPES, TYPES)
def test_mgu_gives_an_idempotent_unifier_or_fails(t1: Type, t2: Type) -> None:
    try:
        s = mgu(t1, t2)
    except UnifyError:
        return
    u1 = apply(s, t1)
    assert u1 == apply(s, t2)
    assert apply(s, u1) == u1


@st.composite
def _idempotent_substs(draw: st.DrawFn) -> Subst:
    """Bind some of a, b to types over c, d only: applying it twice changes nothing."""
    leaves: st.SearchStrategy[Type] = st.sampled_from([tv("c"), tv("d"), T_INT])
    cd = st.recursive(
        leaves,
        lambda kids: st.one_of(st.builds(fn, kids, kids), st.builds(list_type, kids)),
        max_leaves=6,
    )
    domain = draw(st.lists(st.sampled_from(_STAR_VARS[:2]), max_size=2, unique=True))
    return Subst({v.var: draw(cd) for v in domain})


@settings(max_examples=300, deadline=None)
@given(TYPES, _idempotent_substs())
def test_mgu_is_most_general(t: Type, r: Subst) -> None:
    """``r`` unifies ``t`` and ``apply(r, t)``, so their mgu ``u`` exists and ``r``
    factors through it: ``apply(r, apply(u, x)) == apply(r, x)``."""
    t2 = apply(r, t)
    assert apply(r, t) == apply(r, t2)
    u = mgu(t, t2)
    assert apply(u, t) == apply(u, t2)
    for x in (t, t2):
        assert apply(r, apply(u, x)) == apply(r, x)


@settings(max_examples=300, deadline=None)
@given(TYPES, SUBSTS)
def test_match_finds_the_instance(t: Type, s: Subst) -> None:
    t2 = apply(s, t)
    m = match(t, t2)
    assert apply(m, t) == t2
    assert set(m.domain()) <= set(free_tyvars(t))


def _thih_mgu(t1: Type, t2: Type) -> Subst:
    """THIH's mgu, word for word: the reference for Note [Unifying without re-applying]."""
    match t1, t2:
        case TAp(l, r), TAp(l2, r2):
            s1 = _thih_mgu(l, l2)
            s2 = _thih_mgu(apply(s1, r), apply(s1, r2))
            return s2 @ s1
        case TVar(u), _:
            return var_bind(u, t2)
        case _, TVar(u):
            return var_bind(u, t1)
        case TCon(c1), TCon(c2) if c1 == c2:
            return Subst.empty()
    raise UnifyError(Mismatch.TYPES, t1, t2)


def _outcome(f: Callable[[], Subst]) -> Subst | Mismatch:
    try:
        return f()
    except UnifyError as err:
        return err.reason


@settings(max_examples=200, deadline=None)
@given(TYPES, TYPES, SUBSTS)
def test_mgu_agrees_with_thih(t1: Type, t2: Type, s: Subst) -> None:
    for a, b in ((t1, t2), (t1, apply(s, t1)), (apply(s, t2), t2)):
        assert _outcome(lambda: mgu(a, b)) == _outcome(lambda: _thih_mgu(a, b))  # noqa: B023


@dataclass(frozen=True)
class _Assump:
    """THIH's ``i :>: sc``, as later modules will define it: a HasTypes of its own."""

    name: str
    scheme: Forall

    def apply_subst(self, s: Substitution) -> _Assump:
        return _Assump(self.name, apply(s, self.scheme))

    def type_parts(self) -> Iterator[Forall]:
        yield self.scheme


def test_has_types_protocol() -> None:
    assumps = (_Assump("x", Forall((), Qual((), fn(A, B)))), _Assump("y", Forall((), Qual((), C))))
    s = Subst.single(A.var, T_INT)
    assert isinstance(assumps[0], HasTypes)
    assert apply(s, assumps)[0].scheme.qual.head == fn(T_INT, B)
    assert free_tyvars(assumps) == (A.var, B.var, C.var)
    with pytest.raises(TypeError):
        free_tyvars(object())
