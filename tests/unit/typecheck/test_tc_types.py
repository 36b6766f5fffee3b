"""The THIH vocabulary (ifacedir.syntax.types) and evidence terms as data."""

from __future__ import annotations

import dataclasses
import enum

import pytest
from tc_builders import EQ, MAYBE, ORD, ap, pred, prelude_env, tv

from ifacedir.syntax.evidence import EvAssumed, EvInst, EvSuper, InstId
from ifacedir.syntax.names import Name, NameSpace, list_tycon
from ifacedir.syntax.types import (
    STAR,
    T_ARROW,
    T_BOOL,
    T_CHAR,
    T_DOUBLE,
    T_INT,
    T_INTEGER,
    T_IO,
    T_LIST,
    T_ORDERING,
    T_STRING,
    Forall,
    KFun,
    Qual,
    TAp,
    TGen,
    fn,
    fn_parts,
    kind_arity,
    kind_of,
    list_type,
    split_ap,
    to_scheme,
    tuple_type,
)
from ifacedir.typecheck.subst import quantify

A = tv("a")
F = tv("f", kind_arity(1))


def test_base_types_have_ghc_types_original_names() -> None:
    for t, occ in [
        (T_INT, "Int"),
        (T_INTEGER, "Integer"),
        (T_DOUBLE, "Double"),
        (T_CHAR, "Char"),
        (T_BOOL, "Bool"),
        (T_ORDERING, "Ordering"),
        (T_IO, "IO"),
    ]:
        assert t.con.name == Name("base", "GHC.Types", occ, NameSpace.TYCON)
    assert kind_of(T_IO) == kind_arity(1)
    assert T_LIST.con.name == list_tycon()
    assert list_type(T_CHAR) == T_STRING


def test_kind_of() -> None:
    assert kind_of(T_ARROW) == KFun(STAR, KFun(STAR, STAR))
    assert kind_of(ap(T_ARROW, A)) == kind_arity(1)
    assert kind_of(ap(F, A)) == STAR
    with pytest.raises(ValueError, match="ill-kinded"):
        kind_of(ap(T_INT, A))
    with pytest.raises(ValueError):
        kind_of(TGen(0))


def test_spines() -> None:
    t = fn(A, list_type(A))
    assert fn_parts(t) == (A, list_type(A))
    assert fn_parts(list_type(A)) is None
    assert split_ap(t) == (T_ARROW, (A, list_type(A)))
    assert split_ap(T_INT) == (T_INT, ())


def test_tuples() -> None:
    pair = tuple_type([A, T_INT])
    head, args = split_ap(pair)
    assert args == (A, T_INT) and kind_of(head) == kind_arity(2)
    assert kind_of(pair) == STAR
    with pytest.raises(ValueError):
        tuple_type([A])


def test_values_are_hashable_and_compare_structurally() -> None:
    assert fn(A, T_INT) == TAp(TAp(T_ARROW, A), T_INT)
    assert len({fn(A, T_INT), fn(A, T_INT), to_scheme(T_INT)}) == 2


_LEAVES = (str, int, bool, enum.Enum, type(None))


def _codec_friendly(x: object) -> bool:
    """Only frozen dataclasses, tuples and scalars: what the tc file's codec persists."""
    if isinstance(x, _LEAVES):
        return True
    if isinstance(x, tuple):
        return all(_codec_friendly(e) for e in x)
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        params = getattr(type(x), "__dataclass_params__", None)
        return bool(params and params.frozen) and all(
            _codec_friendly(getattr(x, f.name)) for f in dataclasses.fields(x)
        )
    return False


def test_persisted_values_hold_no_dicts_or_sets() -> None:
    a = tv("a")
    sc = quantify([a.var, F.var], Qual((pred(EQ, a),), fn(ap(F, a), ap(MAYBE, a))))
    ev = EvInst(
        pred(EQ, list_type(a)),
        InstId(EQ, T_LIST.con.name),
        (EvSuper(pred(EQ, a), EvAssumed(pred(ORD, a))),),
    )
    ce = prelude_env()
    values: list[object] = [sc, ev, *ce.classes(), *ce.instances(), Forall((), Qual((), T_INT))]
    for v in values:
        assert _codec_friendly(v), v
