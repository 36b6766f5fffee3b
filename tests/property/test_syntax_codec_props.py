"""The syntax-tree codec (ifacedir.syntax.codec) on generated and real trees.

* round trips: generated parsed modules, every parsed test source, the renamer's
  results for the module-system cases, and a very deep tree, through CBOR bytes;
* determinism: the same tree always gives the same bytes;
* untrusted input: every single-byte mutation and every truncation of a small encoded
  tree, and arbitrary data-model values, give ``CodecError`` or a valid tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ast_strategies import SPAN, modules
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ifacedir.diagnostics import SourceError
from ifacedir.errors import CodecError
from ifacedir.parse.parser import parse_module
from ifacedir.syntax.ast import EParen, EVar, Module
from ifacedir.syntax.codec import (
    decode_tree,
    decode_tree_bytes,
    encode_tree,
    encode_tree_bytes,
)
from ifacedir.syntax.names import RdrName
from ifacedir.syntax.traverse import same_modulo_spans
from ifacedir.util.deep import run_deep

run_deep(lambda: None)  # raise the recursion limit before hypothesis records it

ROOT = Path(__file__).resolve().parents[1]
BOUNDED = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SMALL_SOURCE = """\
module Small (f, T(..)) where
import qualified Data.List as L
data T a = C { unT :: !a } | a :+ Int deriving (Eq)
infixl 6 :+
f :: Num a => [a] -> a
f (x : _) | x > 0 = let y = -x in y `L.op` 'c'
f _ = case "s\\n" of { _ -> 1.5e3 }
"""


def _small() -> Module[RdrName]:
    return parse_module(SMALL_SOURCE, "Small.hs")


def round_trip(tree: object) -> object:
    data = encode_tree_bytes(tree)
    back = decode_tree_bytes(data)
    assert encode_tree_bytes(back) == data  # determinism through a round trip
    return back


@BOUNDED
@given(modules())
def test_generated_modules_round_trip(module: Module[RdrName]) -> None:
    assert round_trip(module) == module


def test_parsed_sources_round_trip() -> None:
    count = 0
    for path in sorted(
        [*(ROOT / "module_system").glob("*/*.hs"), *(ROOT / "parse_errors").glob("*.hs")]
    ):
        try:
            tree = parse_module(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        except SourceError:
            continue
        assert round_trip(tree) == tree, path
        count += 1
    assert count > 100


def test_renamer_results_round_trip() -> None:
    program = pytest.importorskip("ifacedir.rename.program")
    seen: set[str] = set()  # each base module once: every program renames Prelude
    for main in sorted((ROOT / "module_system").glob("*/Main.hs"))[:12]:
        for renamed in program.rename_program(main).modules:
            key = renamed.module.span.file
            if key not in seen:
                seen.add(key)
                assert round_trip(renamed) == renamed, key
    assert len(seen) > 12


def test_same_tree_same_bytes() -> None:
    assert encode_tree_bytes(_small()) == encode_tree_bytes(_small())
    assert encode_tree(_small()) == encode_tree(_small())


def test_deep_trees_need_no_recursion() -> None:
    tree: Any = EVar(SPAN, RdrName("x"))
    for _ in range(50_000):
        tree = EParen(SPAN, tree)
    back = decode_tree_bytes(encode_tree_bytes(tree))
    assert same_modulo_spans(back, tree)


# --- untrusted input ----------------------------------------------------------------


def _check_valid(tree: object) -> None:
    """A decoded tree must re-encode (its fields have their declared types)."""
    assert decode_tree(encode_tree(tree)) == tree


def test_every_single_byte_mutation_is_rejected_or_valid() -> None:
    data = encode_tree_bytes(_small())
    original = _small()
    outcomes = {"error": 0, "equal": 0, "other": 0}
    for i in range(len(data)):
        for new in {data[i] ^ 0x01, data[i] ^ 0x80, 0x00, 0xFF, (data[i] + 1) & 0xFF}:
            mutated = data[:i] + bytes([new]) + data[i + 1 :]
            try:
                tree = decode_tree_bytes(mutated)
            except CodecError:
                outcomes["error"] += 1
                continue
            _check_valid(tree)
            outcomes["equal" if tree == original else "other"] += 1
    assert outcomes["error"] > outcomes["other"]


def test_every_truncation_is_rejected() -> None:
    data = encode_tree_bytes(_small())
    for n in range(len(data)):
        with pytest.raises(CodecError):
            decode_tree_bytes(data[:n])


@BOUNDED
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_codec_error_or_a_tree(data: bytes) -> None:
    try:
        tree = decode_tree_bytes(data)
    except CodecError:
        return
    _check_valid(tree)


_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 80) | st.text(max_size=3),
    lambda kids: st.lists(kids, max_size=6),
    max_leaves=40,
)


@BOUNDED
@given(st.lists(_values, min_size=1, max_size=8), st.integers(0, 3))
def test_arbitrary_node_tables_give_codec_error_or_a_tree(nodes: list[Any], names: int) -> None:
    value = [1000, ["A.hs"], [["x", ""]] * names, nodes]
    try:
        tree = decode_tree(value)
    except CodecError:
        return
    _check_valid(tree)
