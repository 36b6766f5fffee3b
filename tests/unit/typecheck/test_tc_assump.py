"""Assumptions (THIH §9): globals and layers of locals."""

from __future__ import annotations

from tc_builders import tv

from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import STAR, T_INT, Forall, Qual, TGen, fn, to_scheme
from ifacedir.typecheck.assump import Assump, Assumptions
from ifacedir.typecheck.subst import Subst, apply, free_tyvars

A, B = tv("a"), tv("b")
ID = Name("base", "GHC.Base", "id", NameSpace.VAR)
X = Name.local("x", NameSpace.VAR, 1)
Y = Name.local("y", NameSpace.VAR, 2)
ID_SCHEME = Forall((STAR,), Qual((), fn(TGen(0), TGen(0))))


def test_find_looks_in_the_innermost_layer_first() -> None:
    env = Assumptions({ID: ID_SCHEME})
    inner = env.extend([Assump(X, to_scheme(A))]).extend([Assump(X, to_scheme(B))])
    assert inner.find(X) == to_scheme(B)
    assert inner.find(ID) == ID_SCHEME
    assert env.find(X) is None
    assert inner.find(Y) is None


def test_only_locals_have_free_variables() -> None:
    env = Assumptions({ID: ID_SCHEME}).extend(
        [Assump(X, to_scheme(fn(A, B))), Assump(Y, to_scheme(A))]
    )
    assert free_tyvars(env) == (A.var, B.var)
    applied = apply(Subst.single(A.var, T_INT), env)
    assert applied.find(X) == to_scheme(fn(T_INT, B))
    assert applied.find(ID) == ID_SCHEME
    assert free_tyvars(applied) == (B.var,)
    assert [a.name for a in applied.locals()] == [X, Y]
