"""The typechecker's persisted values round-trip through the tc file's codec.

Skipped until ifacedir.syntax.codec registers the classes of ifacedir.syntax.types,
ifacedir.syntax.evidence and ifacedir.typecheck.classes in ``NODE_CLASSES`` (and
encodes a bounded TypeVar field, ``Qual.head``, as its bound).
"""

from __future__ import annotations

import pytest
from tc_builders import EQ, MAYBE, ORD, ap, pred, prelude_env, tv

from ifacedir.syntax import codec
from ifacedir.syntax.evidence import EvAssumed, EvInst, EvSuper, InstId
from ifacedir.syntax.types import T_LIST, Qual, fn, kind_arity, list_type
from ifacedir.typecheck.subst import free_tyvars, quantify

_NEEDED = {
    ("ifacedir.syntax.types", n)
    for n in ("Star", "KFun", "KVar", "TyVar", "TyCon", "TVar", "TCon", "TAp", "TGen")
} | {("ifacedir.syntax.types", n) for n in ("IsIn", "Qual", "Forall")}
_NEEDED |= {("ifacedir.syntax.evidence", n) for n in ("InstId", "EvAssumed", "EvSuper", "EvInst")}
_NEEDED |= {("ifacedir.typecheck.classes", n) for n in ("Class", "Instance")}

pytestmark = pytest.mark.skipif(
    not set(codec.NODE_CLASSES) >= _NEEDED,
    reason="typechecker classes not registered in codec.NODE_CLASSES yet",
)


def test_round_trip() -> None:
    a, f = tv("a"), tv("f", kind_arity(1))
    qt = Qual((pred(EQ, a),), fn(ap(f, a), ap(MAYBE, a)))
    ev = EvInst(
        pred(EQ, list_type(a)),
        InstId(EQ, T_LIST.con.name),
        (EvSuper(pred(EQ, a), EvAssumed(pred(ORD, a))),),
    )
    ce = prelude_env()
    values = [quantify(free_tyvars(qt), qt), ev, *ce.classes(), *ce.instances()]
    for v in values:
        assert codec.decode_tree(codec.encode_tree(v)) == v
