"""Deep types never end in RecursionError (DESIGN, "Robustness"): the typechecker's
recursive functions run under ``run_deep`` like every other pass."""

from __future__ import annotations

from tc_builders import EQ, Decls, pred, prelude_env, tv

from ifacedir.syntax import ast
from ifacedir.syntax.names import Name
from ifacedir.syntax.types import T_INT, Qual, Type, fn, list_type, pretty_type
from ifacedir.typecheck.classes import entail
from ifacedir.typecheck.convert import TypeScope, sig_scheme
from ifacedir.typecheck.state import TcState
from ifacedir.typecheck.subst import Subst, apply, free_tyvars, quantify
from ifacedir.typecheck.unify import match, mgu
from ifacedir.util.deep import run_deep

DEPTH = 5_000


def _chain(leaf: Type, depth: int = DEPTH) -> Type:
    t = leaf
    for _ in range(depth):
        t = fn(leaf, t)
    return t


def _nested_lists(leaf: Type, depth: int = DEPTH) -> Type:
    t = leaf
    for _ in range(depth):
        t = list_type(t)
    return t


def test_deep_function_types() -> None:
    a = tv("a")

    def work() -> None:
        t = _chain(a)
        s = mgu(t, _chain(T_INT))
        assert apply(s, t) == _chain(T_INT)
        assert match(t, _chain(T_INT)) == Subst.single(a.var, T_INT)
        assert free_tyvars(t) == (a.var,)
        assert pretty_type(t).count("->") == DEPTH
        quantify([a.var], Qual((), t))

    run_deep(work)


def test_deep_instance_resolution() -> None:
    ce = prelude_env()
    a = tv("a")

    def work() -> None:
        assert entail(ce, [pred(EQ, a)], pred(EQ, _nested_lists(a, 2_000)))

    run_deep(work)


def test_deep_written_signature() -> None:
    d = Decls()
    v = d.tyvar("a")
    t: ast.Type[Name] = d.tvar(v)
    for _ in range(DEPTH):
        t = d.fun(d.tvar(v), t)
    qt = ast.QualType(d.sp(), (), t)

    def work() -> None:
        st = TcState()
        sc = sig_scheme(st, TypeScope({}), qt)
        assert st.errors == [] and len(sc.kinds) == 1

    run_deep(work)
