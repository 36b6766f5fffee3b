"""TcState: the current substitution, fresh variables, instantiation and errors."""

from __future__ import annotations

import itertools

import pytest
from tc_builders import EQ, pred, span, tv

from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_INT,
    Forall,
    Qual,
    TGen,
    fn,
    kind_arity,
    list_type,
)
from ifacedir.typecheck.state import TC_ERROR_CODES, TcState, ordinal
from ifacedir.typecheck.subst import Subst, apply
from ifacedir.typecheck.unify import UnifyError

A, B = tv("a"), tv("b")


def test_fresh_variables_are_numbered_per_state() -> None:
    st = TcState()
    assert [st.new_tvar(STAR), st.new_tvar(kind_arity(1))] == [
        tv("t1"),
        tv("t2", kind_arity(1)),
    ]
    assert TcState().new_tvar(STAR) == tv("t1")


def test_fresh_inst() -> None:
    st = TcState()
    sc = Forall((STAR,), Qual((pred(EQ, TGen(0)),), fn(TGen(0), fn(list_type(TGen(0)), T_BOOL))))
    t1 = tv("t1")
    assert st.fresh_inst(sc) == Qual((pred(EQ, t1),), fn(t1, fn(list_type(t1), T_BOOL)))


def test_unify_extends_the_substitution() -> None:
    st = TcState()
    st.unify(A, list_type(B))
    st.unify(B, T_INT)
    assert apply(st, fn(A, B)) == fn(list_type(T_INT), T_INT)
    assert st.subst() == Subst({A.var: list_type(T_INT), B.var: T_INT})


def test_failed_unify_leaves_the_substitution_alone() -> None:
    st = TcState()
    st.unify(A, list_type(B))
    with pytest.raises(UnifyError):
        st.unify(A, fn(T_INT, T_INT))
    with pytest.raises(UnifyError):
        st.unify(B, A)  # occurs check through the substitution: b ~ [b]
    assert st.subst() == Subst({A.var: list_type(B)})


def test_long_chains_resolve_without_deep_recursion() -> None:
    """A 10,000-element list literal unifies each element's variable with the next."""
    st = TcState()
    vs = [st.new_tvar(STAR) for _ in range(10_000)]
    for v, w in itertools.pairwise(vs):
        st.unify(v, w)
    st.unify(vs[-1], T_INT)
    assert apply(st, vs[0]) == T_INT
    assert apply(st, list_type(vs[5000])) == list_type(T_INT)


def test_ext_subst_checks_its_invariant() -> None:
    st = TcState()
    st.ext_subst(Subst.single(A.var, T_INT))
    with pytest.raises(ValueError, match="not up to date"):
        st.ext_subst(Subst.single(B.var, list_type(A)))


def test_errors_carry_the_context_innermost_first() -> None:
    st = TcState()
    with st.context("In an equation for ‘f’"), st.context("In the second argument of ‘g’"):
        st.report("T001", span(3, 5), "boom")
    st.report("T004", span(4, 1), "no context")
    assert [e.context for e in st.errors] == [
        ("In the second argument of ‘g’", "In an equation for ‘f’"),
        (),
    ]
    with pytest.raises(ValueError, match="unregistered"):
        st.report("X999", span(), "?")


def test_unify_at_reports_in_ghc_words() -> None:
    """GHC 9.0.2 on f :: [Int]; f = [True] and g :: [Int]; g = "a" (E.hs):
    Couldn't match expected type ‘Int’ with actual type ‘Bool’ / Couldn't match type
    ‘Char’ with ‘Int’, Expected: [Int], Actual: String."""
    st = TcState()
    t1 = st.new_tvar(STAR)
    assert st.unify_at(span(), fn(t1, T_INT), fn(T_BOOL, T_INT))
    assert not st.unify_at(span(2, 3), list_type(T_INT), list_type(t1))
    assert not st.unify_at(span(2, 9), A, list_type(A))
    messages = [(e.code, e.message) for e in st.errors]
    assert messages == [
        ("T001", "Couldn't match type ‘Bool’ with ‘Int’ (expected: [Int], actual: [Bool])"),
        ("T002", "Occurs check: cannot construct the infinite type: a ~ [a]"),
    ]
    assert not st.unify_at(span(3, 1), T_INT, T_BOOL)
    assert st.errors[-1].message == "Couldn't match expected type ‘Int’ with actual type ‘Bool’"


def test_error_codes_are_summarised() -> None:
    assert all(code.startswith("T") and summary for code, summary in TC_ERROR_CODES.items())


@pytest.mark.parametrize(
    ("n", "word"), [(1, "first"), (2, "second"), (10, "tenth"), (11, "11th"), (22, "22nd")]
)
def test_ordinal(n: int, word: str) -> None:
    assert ordinal(n) == word
