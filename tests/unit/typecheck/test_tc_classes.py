"""Class environments, entailment and context reduction (THIH §7), with evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tc_builders import (
    ENUM,
    EQ,
    FOO,
    FRACTIONAL,
    FUNCTOR,
    INTEGRAL,
    MAYBE,
    NUM,
    ORD,
    REAL,
    SHOW,
    ap,
    pred,
    prelude_env,
    tv,
)

from ifacedir.syntax.evidence import EvAssumed, EvInst, EvSuper, InstId, pretty_evidence
from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_CHAR,
    T_DOUBLE,
    T_INT,
    T_LIST,
    Pred,
    fn,
    kind_arity,
    list_type,
    tuple_type,
)
from ifacedir.typecheck.classes import (
    Class,
    ClassEnv,
    ClassEnvError,
    add_class,
    add_inst,
    by_inst,
    by_super,
    entail,
    entail_evidence,
    inst_id,
)
from ifacedir.typecheck.context import in_hnf, reduce, simplify, to_hnf, to_hnfs
from ifacedir.typecheck.defaulting import split
from ifacedir.typecheck.evidence import lint_evidence
from ifacedir.typecheck.subst import apply

A, B = tv("a"), tv("b")
F = tv("f", kind_arity(1))
CE = prelude_env()
EQ_LIST = InstId(EQ, T_LIST.con.name)


# --- ClassEnv ----------------------------------------------------------------------------


def test_add_class_needs_known_superclasses() -> None:
    with pytest.raises(ClassEnvError, match="superclass ‘Eq’ of ‘Ord’ is not defined"):
        add_class(ClassEnv(), Class(ORD, STAR, (EQ,), ()))
    with pytest.raises(ClassEnvError, match="already defined"):
        add_class(CE, Class(EQ, STAR, (), ()))


def test_add_inst_rejects_overlap_and_unknown_class() -> None:
    with pytest.raises(ClassEnvError, match="overlaps"):
        add_inst(CE, [], pred(EQ, list_type(T_INT)))
    with pytest.raises(ClassEnvError, match="no class"):
        add_inst(ClassEnv(), [], pred(EQ, T_INT))
    with pytest.raises(ClassEnvError, match="not a type constructor"):
        add_inst(CE, [], pred(FOO, A))


def test_environments_are_persistent() -> None:
    ce2 = add_inst(CE, [], pred(FOO, T_INT))
    assert by_inst(ce2, pred(FOO, T_INT)) is not None
    assert by_inst(CE, pred(FOO, T_INT)) is None
    assert len(ce2.instances()) == len(CE.instances()) + 1


def test_instance_identifiers() -> None:
    assert inst_id(pred(EQ, list_type(A))) == EQ_LIST
    assert str(EQ_LIST) == "$fEq[]"
    assert str(inst_id(pred(SHOW, ap(MAYBE, A)))) == "$fShowMaybe"
    assert str(inst_id(pred(EQ, tuple_type([A, B])))) == "$fEq(,)"


# --- Entailment ----------------------------------------------------------------------------


def test_by_super_is_transitive_without_repeats() -> None:
    assert by_super(CE, pred(ORD, A)) == (pred(ORD, A), pred(EQ, A))
    supers = by_super(CE, pred(INTEGRAL, A))
    assert supers == (
        pred(INTEGRAL, A),
        pred(REAL, A),
        pred(NUM, A),
        pred(ORD, A),
        pred(EQ, A),
        pred(ENUM, A),
    )


def test_by_inst_instantiates_the_context() -> None:
    found = by_inst(CE, pred(EQ, list_type(ap(MAYBE, B))))
    assert found is not None
    inst, ps = found
    assert inst.ident == EQ_LIST
    assert ps == (pred(EQ, ap(MAYBE, B)),)
    assert by_inst(CE, pred(EQ, fn(A, B))) is None


def test_superclass_entailment() -> None:
    """Ord a |- Eq a, but not Eq a |- Ord a."""
    assert entail(CE, [pred(ORD, A)], pred(EQ, A))
    assert not entail(CE, [pred(EQ, A)], pred(ORD, A))
    ev = entail_evidence(CE, [pred(ORD, A)], pred(EQ, A))
    assert ev == EvSuper(pred(EQ, A), EvAssumed(pred(ORD, A)))


def test_instance_entailment() -> None:
    """Eq a |- Eq [a]; |- Eq [Int]; Ord a |- Eq [[a]]."""
    assert entail(CE, [pred(EQ, A)], pred(EQ, list_type(A)))
    assert entail(CE, [], pred(EQ, list_type(T_INT)))
    assert not entail(CE, [], pred(EQ, list_type(A)))
    ev = entail_evidence(CE, [pred(ORD, A)], pred(EQ, list_type(list_type(A))))
    assert ev is not None
    assert pretty_evidence(ev) == "$fEq[] ($fEq[] (Eq<-(<Ord a>)))"


def test_entailment_through_a_tuple_instance() -> None:
    p = pred(SHOW, tuple_type([A, list_type(T_BOOL)]))
    ev = entail_evidence(CE, [pred(SHOW, A)], p)
    assert ev == EvInst(
        p,
        InstId(SHOW, tuple_type([A, B]).fun.fun.con.name),  # type: ignore[union-attr]
        (
            EvAssumed(pred(SHOW, A)),
            EvInst(
                pred(SHOW, list_type(T_BOOL)),
                InstId(SHOW, T_LIST.con.name),
                (EvInst(pred(SHOW, T_BOOL), InstId(SHOW, T_BOOL.con.name)),),
            ),
        ),
    )


# --- Context reduction ------------------------------------------------------------------------


def test_head_normal_form() -> None:
    assert in_hnf(pred(EQ, A))
    assert in_hnf(pred(SHOW, ap(F, A)))
    assert not in_hnf(pred(EQ, list_type(A)))
    assert not in_hnf(pred(EQ, T_INT))


def test_to_hnf_by_instances() -> None:
    hnfs, ev = to_hnf(CE, pred(EQ, tuple_type([A, list_type(B)])))
    assert hnfs == (pred(EQ, A), pred(EQ, B))
    assert pretty_evidence(ev) == "$fEq(,) (<Eq a>) ($fEq[] (<Eq b>))"
    assert to_hnf(CE, pred(EQ, T_INT)) == ((), EvInst(pred(EQ, T_INT), InstId(EQ, T_INT.con.name)))


def test_to_hnfs_collects_every_unsolved_predicate() -> None:
    red = to_hnfs(CE, [pred(NUM, T_BOOL), pred(EQ, list_type(fn(A, B))), pred(EQ, A)])
    assert red.unsolved == (pred(NUM, T_BOOL), pred(EQ, fn(A, B)))
    assert red.retained == (pred(EQ, A),)


def test_simplify_drops_entailed_predicates() -> None:
    red = simplify(CE, [pred(EQ, A), pred(ORD, A), pred(SHOW, A), pred(EQ, A)])
    assert red.retained == (pred(ORD, A), pred(SHOW, A))
    assert red.evidence_for(pred(EQ, A)) == EvSuper(pred(EQ, A), EvAssumed(pred(ORD, A)))
    assert red.evidence_for(pred(ORD, A)) == EvAssumed(pred(ORD, A))


def test_simplify_resolves_chains_of_dropped_predicates() -> None:
    """Eq a goes (Ord a present), then Ord a goes (Integral a present): the proof of
    Eq a must not mention the dropped Ord a. See Note [Evidence through simplify]."""
    red = simplify(CE, [pred(EQ, A), pred(ORD, A), pred(INTEGRAL, A)])
    assert red.retained == (pred(INTEGRAL, A),)
    for p in (pred(EQ, A), pred(ORD, A)):
        ev = red.evidence_for(p)
        assert ev is not None and ev.pred == p
        assert _assumptions(ev) == {pred(INTEGRAL, A)}


def test_reduce_composes_hnf_and_simplify_evidence() -> None:
    ps = [pred(EQ, list_type(A)), pred(ORD, A), pred(EQ, A), pred(FUNCTOR, T_LIST)]
    red = reduce(CE, ps)
    assert red.retained == (pred(ORD, A),)
    assert red.unsolved == ()
    ev = red.evidence_for(pred(EQ, list_type(A)))
    assert ev is not None
    assert pretty_evidence(ev) == "$fEq[] (Eq<-(<Ord a>))"
    functor = red.evidence_for(pred(FUNCTOR, T_LIST))
    assert functor == EvInst(pred(FUNCTOR, T_LIST), InstId(FUNCTOR, T_LIST.con.name))
    assert [p for p, _ in red.evidence] == ps


def test_reduce_keeps_higher_kinded_head_normal_forms() -> None:
    red = reduce(CE, [pred(SHOW, ap(F, A)), pred(FUNCTOR, F)])
    assert red.retained == (pred(SHOW, ap(F, A)), pred(FUNCTOR, F))


def _assumptions(ev: EvAssumed | EvSuper | EvInst) -> set[object]:
    match ev:
        case EvAssumed(p):
            return {p}
        case EvSuper(_, sub):
            return _assumptions(sub)
        case EvInst(_, _, args):
            return set().union(*(_assumptions(a) for a in args))


# --- Every proof the reducer gives is valid (property) ----------------------------------

_STAR_TYPES = st.recursive(
    st.sampled_from([A, B, T_INT, T_BOOL, T_DOUBLE, T_CHAR]),
    lambda kids: st.one_of(
        st.builds(list_type, kids),
        st.builds(lambda t: ap(MAYBE, t), kids),
        st.builds(lambda t, u: tuple_type([t, u]), kids, kids),
        st.builds(fn, kids, kids),
        st.builds(lambda t: ap(F, t), kids),
    ),
    max_leaves=5,
)
_STAR_CLASSES = [EQ, ORD, SHOW, NUM, REAL, INTEGRAL, FRACTIONAL, ENUM, FOO]
_PREDS = st.one_of(
    st.builds(pred, st.sampled_from(_STAR_CLASSES), _STAR_TYPES),
    st.builds(pred, st.just(FUNCTOR), st.sampled_from([F, T_LIST, MAYBE])),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PREDS, max_size=6))
def test_reduce_proves_what_it_claims(ps: list[Pred]) -> None:
    red = reduce(CE, ps)
    assert all(in_hnf(p) for p in red.retained)
    for n, p in enumerate(red.retained):
        assert not entail(CE, red.retained[:n] + red.retained[n + 1 :], p)
    proofs = dict(red.evidence)
    for p in ps:
        if p not in proofs:
            assert red.unsolved, p  # only a predicate that hit an unsolved one has no proof
            continue
        ev = proofs[p]
        assert ev.pred == p
        assert lint_evidence(CE, red.retained, ev) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(_PREDS, max_size=6))
def test_split_proves_what_it_claims(ps: list[Pred]) -> None:
    sp = split(CE, [A.var], [], ps)  # a is fixed by the environment, the rest ambiguous
    for p, ev in sp.evidence:
        assert ev.pred == apply(sp.defaulted.subst, p)
        assert lint_evidence(CE, sp.deferred + sp.retained, ev) is None


def test_lint_rejects_bad_proofs() -> None:
    eq_a, ord_a = pred(EQ, A), pred(ORD, A)
    assert lint_evidence(CE, [], EvAssumed(eq_a)) is not None
    assert lint_evidence(CE, [eq_a], EvSuper(ord_a, EvAssumed(eq_a))) is not None
    assert lint_evidence(CE, [ord_a], EvSuper(pred(EQ, B), EvAssumed(ord_a))) is not None
    wrong_args = EvInst(pred(EQ, list_type(A)), EQ_LIST, (EvAssumed(ord_a),))
    assert lint_evidence(CE, [ord_a], wrong_args) is not None
    wrong_inst = EvInst(pred(EQ, T_INT), EQ_LIST, ())
    assert lint_evidence(CE, [], wrong_inst) is not None
    good = EvInst(pred(EQ, list_type(A)), EQ_LIST, (EvSuper(eq_a, EvAssumed(ord_a)),))
    assert lint_evidence(CE, [ord_a], good) is None
