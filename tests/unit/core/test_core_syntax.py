"""The Core language (ifacedir.syntax.core): construction, the codec round trip and
the JSON Schema of what the codec writes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ifacedir.errors import CodecError
from ifacedir.format import cbor
from ifacedir.format.jsonview import to_json_value
from ifacedir.syntax.codec import (
    NODE_CLASSES,
    decode_tree,
    decode_tree_bytes,
    encode_tree,
    encode_tree_bytes,
    node_class,
)
from ifacedir.syntax.core import (
    App,
    Bind,
    BindGroup,
    Case,
    CharLit,
    ConAlt,
    ConApp,
    CoreModule,
    CoreVar,
    DataCon,
    DataType,
    DefaultAlt,
    DoubleLit,
    Expr,
    IntKind,
    IntLit,
    Lam,
    Let,
    LetRec,
    LitAlt,
    PatError,
    PrimOp,
    StringLit,
    Unfoldings,
)
from ifacedir.syntax.names import Name, NameSpace
from ifacedir.syntax.types import (
    STAR,
    T_BOOL,
    T_INT,
    T_INTEGER,
    Forall,
    KFun,
    Qual,
    TAp,
    TCon,
    TGen,
    TyCon,
    fn,
    to_scheme,
)

ROOT = Path(__file__).resolve().parents[3]

MAIN = "Main"


def _global(occ: str, space: NameSpace = NameSpace.VAR) -> Name:
    return Name("main", MAIN, occ, space)


def _local(occ: str, unique: int) -> Name:
    return Name.local(occ, NameSpace.VAR, unique)


# data T a = Leaf | Node !a (T a)
T_NAME = _global("T", NameSpace.TYCON)
T_TYCON = TyCon(T_NAME, KFun(STAR, STAR))
LEAF = DataCon(
    _global("Leaf", NameSpace.CON), 0, 0, (), Forall((STAR,), Qual((), TAp(TCon(T_TYCON), TGen(0))))
)
T_OF_A = TAp(TCon(T_TYCON), TGen(0))
NODE = DataCon(
    _global("Node", NameSpace.CON),
    1,
    2,
    (True, False),
    Forall((STAR,), Qual((), fn(TGen(0), fn(T_OF_A, T_OF_A)))),
)
T_INT_TREE = TAp(TCon(T_TYCON), T_INT)


def _size_module() -> CoreModule:
    """size :: T Int -> Integer; size t = case t of Leaf -> 0; Node x r -> 1 + size r
    (with `+` a primitive), plus main and an incomplete function."""
    size = _global("size")
    size_type = fn(T_INT_TREE, T_INTEGER)
    t, b, x, r = (_local(o, u) for o, u in (("t", 1), ("ds", 2), ("x", 3), ("r", 4)))
    body = Case(
        CoreVar(t, T_INT_TREE),
        CoreVar(b, to_scheme(T_INT_TREE)),
        T_INTEGER,
        (
            ConAlt(LEAF.ref(), (), IntLit(0, IntKind.INTEGER)),
            ConAlt(
                NODE.ref(),
                (CoreVar(x, to_scheme(T_INT)), CoreVar(r, to_scheme(T_INT_TREE))),
                PrimOp(
                    "integerAdd",
                    2,
                    (
                        IntLit(2**70, IntKind.INTEGER),
                        App(CoreVar(size, size_type), (CoreVar(r, T_INT_TREE),)),
                    ),
                    T_INTEGER,
                ),
            ),
        ),
    )
    size_bind = Bind(
        CoreVar(size, to_scheme(size_type)), Lam((CoreVar(t, to_scheme(T_INT_TREE)),), body)
    )
    f, c = _global("f"), _local("c", 5)
    f_type = fn(T_INT, T_BOOL)
    f_bind = Bind(
        CoreVar(f, to_scheme(f_type)),
        Lam(
            (CoreVar(c, to_scheme(T_INT)),),
            Case(
                CoreVar(c, T_INT),
                CoreVar(_local("ds", 6), to_scheme(T_INT)),
                T_BOOL,
                (
                    LitAlt(IntLit(-1, IntKind.INT), ConApp(LEAF.ref(), ())),
                    LitAlt(CharLit(0xD800), StringLit("héllo\n")),
                    LitAlt(DoubleLit(1, 10), DoubleLit(-314, 100)),
                    DefaultAlt(
                        PatError(
                            "Main.hs:(3,1)-(4,20): Non-exhaustive patterns in function f", T_BOOL
                        )
                    ),
                ),
            ),
        ),
    )
    main = _global("main")
    xs = _local("xs", 7)
    main_rhs = LetRec(
        (
            Bind(
                CoreVar(xs, to_scheme(T_INT_TREE)),
                ConApp(NODE.ref(), (IntLit(1, IntKind.INT), CoreVar(xs, T_INT_TREE))),
            ),
        ),
        Let(
            Bind(
                CoreVar(_local("y", 8), to_scheme(T_INTEGER)),
                App(CoreVar(size, size_type), (CoreVar(xs, T_INT_TREE),)),
            ),
            CoreVar(_local("y", 8), T_INTEGER),
        ),
    )
    return CoreModule(
        MAIN,
        "main",
        (
            BindGroup(True, (size_bind,)),
            BindGroup(False, (f_bind,)),
            BindGroup(False, (Bind(CoreVar(main, to_scheme(T_INTEGER)), main_rhs),)),
        ),
        (DataType(T_NAME, T_TYCON.kind, (LEAF, NODE)),),
        (size, f, main, LEAF.name, NODE.name),
        main,
    )


# --- Construction ------------------------------------------------------------------------


def test_values_are_frozen_hashable_and_compare_by_value() -> None:
    assert _size_module() == _size_module()
    assert hash(_size_module()) == hash(_size_module())
    with pytest.raises(AttributeError):
        _size_module().module = "Other"  # type: ignore[misc]


def test_data_con_ref_matches_its_constructor() -> None:
    ref = NODE.ref()
    assert (ref.name, ref.tag, ref.arity) == (NODE.name, 1, 2)


def test_prim_op_is_saturated() -> None:
    with pytest.raises(ValueError, match="takes 2 arguments"):
        PrimOp("intAdd", 2, (IntLit(1, IntKind.INT),), T_INT)


def test_every_core_class_is_registered_after_the_older_ones() -> None:
    core = [i for i, e in enumerate(NODE_CLASSES) if e and e[0] == "ifacedir.syntax.core"]
    assert core == list(range(core[0], len(NODE_CLASSES)))
    assert node_class(core[-2]) is CoreModule
    assert node_class(core[-1]) is Unfoldings


# --- Codec -------------------------------------------------------------------------------


def test_module_round_trips() -> None:
    module = _size_module()
    assert decode_tree(encode_tree(module)) == module
    assert decode_tree_bytes(encode_tree_bytes(module)) == module


def test_encoding_is_deterministic() -> None:
    assert encode_tree_bytes(_size_module()) == encode_tree_bytes(_size_module())


def test_bad_prim_op_arity_is_a_codec_error() -> None:
    value: Any = encode_tree(PrimOp("intNeg", 1, (IntLit(1, IntKind.INT),), T_INT))
    value[3][-1][2] = 2  # the arity field of the root
    with pytest.raises(CodecError, match="invalid PrimOp"):
        decode_tree(value)


def _deep(depth: int) -> Expr:
    """let x_i = f x_{i-1} in ... nested ``depth`` times, built without recursion."""
    f = CoreVar(_global("f"), fn(T_INT, T_INT))
    expr: Expr = IntLit(0, IntKind.INT)
    for i in range(depth, 0, -1):
        x = _local("x", i)
        expr = Let(
            Bind(CoreVar(x, to_scheme(T_INT)), App(f, (CoreVar(_local("x", i - 1), T_INT),))),
            expr,
        )
    return expr


def test_deep_tree_round_trips_without_recursion() -> None:
    deep = _deep(10_000)
    data = encode_tree_bytes(deep)
    again = decode_tree_bytes(data)
    # Compare level by level: == on 10,000-deep dataclasses would recurse.
    a, b = deep, again
    depth = 0
    while isinstance(a, Let):
        assert isinstance(b, Let)
        assert a.bind == b.bind
        a, b = a.body, b.body
        depth += 1
    assert depth == 10_000
    assert a == b


# --- Schema ------------------------------------------------------------------------------


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "schemas" / "syntax-tree.schema.json").read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)  # type: ignore[no-any-return]


def _json(tree: object) -> Any:
    return to_json_value(cbor.decode(cbor.encode(encode_tree(tree))))


def test_module_validates_against_the_schema() -> None:
    _validator().validate(_json(_size_module()))


def test_nested_tree_validates_against_the_schema() -> None:
    # The node table is flat whatever the depth (Note [Flat node tables]), and
    # jsonschema tries every node class per entry, so a shallow tree checks as much.
    _validator().validate(_json(_deep(20)))


def test_schema_rejects_a_wrong_field() -> None:
    value = _json(CharLit(65))
    value[3][-1][1] = "A"  # a code point is an integer
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(value)
