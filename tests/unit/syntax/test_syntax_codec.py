"""The syntax codec's format and its checks on malformed input, case by case."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

import ifacedir.syntax.ast as ast
from ifacedir.errors import CodecError, CorruptFileError, EncodeError
from ifacedir.format import cbor
from ifacedir.syntax.codec import (
    CODEC_VERSION,
    NODE_CLASSES,
    decode_tree,
    decode_tree_bytes,
    encode_tree,
    encode_tree_bytes,
    node_class,
)
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcLoc, SrcSpan

S = SrcSpan("A.hs", SrcLoc(1, 2), SrcLoc(3, 4))
TAG = {node_class(i): i for i in range(len(NODE_CLASSES))}


def app() -> ast.EApp[RdrName]:
    return ast.EApp(S, ast.EVar(S, RdrName("f")), ast.ELit(S, ast.LitInt(-(2**80))))


def test_the_encoding_is_a_flat_table() -> None:
    value = encode_tree(app())
    assert value == [
        CODEC_VERSION,
        ["A.hs"],
        [["f", ""]],
        [
            [TAG[ast.EVar], [0, 1, 2, 3, 4], 0],
            [TAG[ast.LitInt], -(2**80)],
            [TAG[ast.ELit], [0, 1, 2, 3, 4], 1],
            [TAG[ast.EApp], [0, 1, 2, 3, 4], 0, 2],
        ],
    ]
    assert decode_tree(value) == app()


def test_every_ast_class_is_registered_once() -> None:
    registered = [c for c in (node_class(i) for i in range(len(NODE_CLASSES))) if c]
    assert len(registered) == len(set(registered))
    for name in ast.__all__:
        cls = getattr(ast, name)
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            assert cls in registered, name


def test_names_are_stored_once() -> None:
    plus = Name("base", "GHC.Num", "+", NameSpace.VAR)
    x = Name.local("x", NameSpace.VAR, 3)
    tree = ast.EOpApp(S, ast.EVar(S, x), ast.OpRef(S, plus, False), ast.EVar(S, x))
    value: Any = encode_tree(tree)
    assert value[2] == [["", "", "x", "var", 3], ["base", "GHC.Num", "+", "var", 0]]
    assert decode_tree(value) == tree


def test_mixed_name_kinds_are_refused() -> None:
    tree = ast.EApp(S, ast.EVar(S, RdrName("f")), ast.EVar(S, Name.local("x", NameSpace.VAR, 1)))
    with pytest.raises(EncodeError):
        encode_tree(tree)


def test_values_outside_the_declared_types_are_refused() -> None:
    with pytest.raises(EncodeError):
        encode_tree(ast.EApp(S, ast.EVar(S, RdrName("f")), "x"))  # type: ignore[arg-type]
    with pytest.raises(EncodeError):
        encode_tree(("not", "a node"))


def test_codec_error_is_a_corrupt_file_error() -> None:
    assert issubclass(CodecError, CorruptFileError)
    with pytest.raises(CorruptFileError):
        decode_tree_bytes(b"\xff")


def _mutate(path: tuple[int, ...], new: object) -> Any:
    value: Any = copy.deepcopy(encode_tree(app()))
    target = value
    for i in path[:-1]:
        target = target[i]
    target[path[-1]] = new
    return value


@pytest.mark.parametrize(
    ("path", "new", "message"),
    [
        ((0,), 3000, "version"),
        ((0,), True, "version"),
        ((1,), [3], "file table"),
        ((2, 0), ["f"], "a name is"),
        ((2, 0), ["p", "M", "x", "nowhere", 0], "name space"),
        ((2, 0), ["p", "M", "x", "var", -1], "a name is"),
        ((3,), [], "non-empty"),
        ((3, 0, 0), 9999, "unknown node tag"),
        ((3, 0, 0), False, "unknown node tag"),
        ((3, 0, 2), 5, "name index"),
        ((3, 0, 1), [0, 1, 2, 3], "span"),
        ((3, 0, 1), [1, 1, 2, 3, 4], "file index"),
        ((3, 0, 1), [0, -1, 2, 3, 4], "non-negative"),
        ((3, 1, 1), "1", "expected int"),
        ((3, 3, 2), 3, "does not point backwards"),
        ((3, 2, 2), 0, "EVar node is not allowed here"),
        ((3, 3, 3), 0, "not in the tree"),  # the old argument is left unused
        ((3, 3), [TAG[ast.EApp], [0, 1, 2, 3, 4], 0], "fields"),
        ((3, 2, 2), None, "node reference NoneType"),
    ],
)
def test_malformed_values_raise_codec_error(
    path: tuple[int, ...], new: object, message: str
) -> None:
    with pytest.raises(CodecError, match=message):
        decode_tree(_mutate(path, new))


def test_unused_nodes_are_refused() -> None:
    value: Any = encode_tree(app())
    value[3].insert(3, [TAG[ast.PWild], [0, 1, 1, 1, 1]])  # before the root, unreferenced
    with pytest.raises(CodecError, match="not in the tree"):
        decode_tree(value)


def test_bytes_round_trip_and_non_model_bytes() -> None:
    data = encode_tree_bytes(app())
    assert cbor.decode(data) == encode_tree(app())
    assert decode_tree_bytes(data) == app()
    with pytest.raises(CodecError):
        decode_tree_bytes(data + b"\x00")
    with pytest.raises(CodecError):
        decode_tree(["not", "a", "tree", None])


def test_every_registered_class_has_a_schema() -> None:
    from ifacedir.syntax.codec import _tables

    tables = _tables()
    for i, entry in enumerate(NODE_CLASSES):
        cls = node_class(i)
        assert (cls is None) == (entry is None), entry
        if cls is not None:
            assert len(tables.schema(cls)) == len(dataclasses.fields(cls)), entry


def test_equal_subtrees_are_written_once_and_shared_on_decoding() -> None:
    # See Note [Shared subtrees]: a type repeated at every occurrence is one entry.
    from ifacedir.syntax.types import T_INT, fn

    t = fn(T_INT, fn(T_INT, T_INT))
    copy_of_t = fn(T_INT, fn(T_INT, T_INT))  # equal, but not the same objects
    assert t is not copy_of_t
    assert encode_tree_bytes(t) == encode_tree_bytes(copy_of_t)
    encoded = encode_tree(t)
    assert decode_tree(encoded) == t
    tags = [entry[0] for entry in encoded[3]]
    assert len(tags) == len(set(map(tuple, encoded[3])))  # no entry written twice


def test_sharing_does_not_depend_on_sharing_in_memory() -> None:
    def make() -> ast.EApp[RdrName]:
        return ast.EApp(S, ast.EVar(S, RdrName("f")), ast.ELit(S, ast.LitInt(1)))

    a = make()
    same_object = ast.ETuple(S, (a, a))
    equal_objects = ast.ETuple(S, (a, make()))
    data = encode_tree_bytes(same_object)
    assert data == encode_tree_bytes(equal_objects)
    back = decode_tree_bytes(data)
    assert back == same_object
    assert back.elems[0] is back.elems[1]
    assert len(encode_tree(equal_objects)[3]) == 5  # EVar, LitInt, ELit, EApp once; the tuple


def test_bools_and_floats_are_not_merged_with_equal_integers() -> None:
    from ifacedir.syntax.codec import _entry_key

    assert _entry_key([7, True]) != _entry_key([7, 1])
    assert _entry_key([7, 1.0]) != _entry_key([7, 1])
    assert _entry_key([7, [1, "a"]]) == _entry_key([7, [1, "a"]])
