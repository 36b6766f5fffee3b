"""Hypothesis: every value of the data model survives CBOR and the container, in memory
and on disk; the encoding is canonical; arbitrary bytes never crash a reader."""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ifacedir.errors import FormatError
from ifacedir.format import cbor
from ifacedir.format.container import (
    FORMAT_MAJOR,
    FORMAT_MINOR,
    MAGIC,
    Container,
    encode_container,
    open_container,
    write_container,
)
from ifacedir.format.header import FileKind

# -- the data model ------------------------------------------------------------------

_BOUNDARY_INTS = [
    0, 1, -1, 23, 24, -24, -25, 255, 256, 65535, 65536, 2**32 - 1, 2**32,
    2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64, -(2**64), -(2**64) - 1,
    2**128, -(2**128) - 7, 10**100, -(10**100),
]  # fmt: skip

integers = st.one_of(
    st.integers(),
    st.sampled_from(_BOUNDARY_INTS),
    st.integers(min_value=2**64, max_value=2**1000),  # positive bignums (tag 2)
    st.integers(min_value=-(2**1000), max_value=-(2**64) - 1),  # negative bignums (tag 3)
)
floats = st.one_of(
    st.floats(),  # includes nan, +-inf, -0.0, subnormals
    st.floats(width=16),  # values with a half-precision encoding
    st.floats(width=32),
    st.sampled_from([0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 1.5, 65504.0, 1e-8]),
)
scalars = st.one_of(st.none(), st.booleans(), integers, floats, st.text(), st.binary())
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.dictionaries(st.text(max_size=12), children, max_size=6),
    ),
    max_leaves=30,
)


def same(a: object, b: object) -> bool:
    """Structural equality that tells bool, int and float apart, NaN equal to NaN, and
    -0.0 from 0.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        assert isinstance(b, float)
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def test_same_is_strict() -> None:
    assert same([1, {"a": math.nan}], [1, {"a": math.nan}])
    assert not same(1, 1.0)
    assert not same(True, 1)
    assert not same(0.0, -0.0)
    assert not same([1], [1, 2])
    assert not same({"a": 1}, {"b": 1})


def _reorder(value: object, rng: random.Random) -> object:
    """The same value with every map's insertion order shuffled."""
    if isinstance(value, list):
        return [_reorder(v, rng) for v in value]
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _reorder(v, rng) for k, v in items}
    return value


# -- CBOR ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(values)
def test_cbor_round_trip_is_exact_and_canonical(value: object) -> None:
    data = cbor.encode(value)
    decoded = cbor.decode(data, canonical=True)
    assert same(decoded, value)
    assert cbor.encode(decoded) == data


@settings(max_examples=200, deadline=None)
@given(values, st.randoms(use_true_random=False))
def test_map_insertion_order_does_not_change_bytes(value: object, rng: random.Random) -> None:
    assert cbor.encode(_reorder(value, rng)) == cbor.encode(value)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=30), st.integers(), min_size=2, max_size=20))
def test_map_keys_are_sorted_length_first(value: dict[str, int]) -> None:
    decoded = cbor.decode(cbor.encode(value))
    assert isinstance(decoded, dict)
    decoded_keys = list(decoded)
    encoded = [cbor.encode(k) for k in decoded_keys]
    assert encoded == sorted(encoded)
    lengths = [len(k.encode()) for k in decoded_keys]
    assert lengths == sorted(lengths)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200))
def test_decoding_arbitrary_bytes_raises_only_cbor_error(data: bytes) -> None:
    for canonical in (False, True):
        try:
            value = cbor.decode(data, canonical=canonical)
        except cbor.CborError:
            continue
        cbor.encode(value)  # whatever decodes is in the data model


# -- the container ---------------------------------------------------------------------

section_names = st.from_regex(r"[a-z][a-z0-9_-]{0,15}", fullmatch=True)
input_names = st.from_regex(r"[!-~]{1,24}", fullmatch=True)
fingerprints = st.binary(min_size=16, max_size=16)
container_args = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(FileKind),
        "phase": st.none() | st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True),
        "module": st.none() | st.text(min_size=1, max_size=40),
        "unit": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,20}", fullmatch=True),
        "schema_version": st.integers(min_value=0, max_value=2**32 - 1),
        "inputs": st.dictionaries(input_names, fingerprints, max_size=5),
        "sections": st.dictionaries(
            section_names,
            # some sections big and repetitive enough to be compressed
            values | st.lists(st.sampled_from(["push", "pop", 7, None]), min_size=40),
            max_size=5,
        ),
    }
)


def _check(c: Container, args: dict[str, Any]) -> None:
    h = c.header
    assert c.version == (FORMAT_MAJOR, FORMAT_MINOR)
    assert (h.kind, h.phase, h.module, h.unit, h.schema_version) == (
        args["kind"],
        args["phase"],
        args["module"],
        args["unit"],
        args["schema_version"],
    )
    assert h.inputs == args["inputs"]
    assert c.section_names == sorted(args["sections"])
    assert same(c.read_sections(), args["sections"])
    assert same(c.read_sections(known=set(args["sections"])), args["sections"])
    for name, value in args["sections"].items():
        assert same(c.read_section(name, canonical=True), value)
    c.verify()


@settings(max_examples=150, deadline=None)
@given(container_args, st.randoms(use_true_random=False))
def test_container_round_trip_in_memory(args: dict[str, Any], rng: random.Random) -> None:
    data = encode_container(**args)
    assert data.startswith(MAGIC)
    _check(Container.from_bytes(data), args)
    # reordered maps (sections, inputs, and inside values) give the same bytes
    shuffled = {**args, "sections": _reorder(args["sections"], rng)}
    shuffled["inputs"] = _reorder(args["inputs"], rng)
    assert encode_container(**shuffled) == data


@pytest.fixture(scope="module")
def disk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # module-scoped: hypothesis reruns the test body many times within one call
    return tmp_path_factory.mktemp("disk")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(args=container_args)
def test_container_round_trip_on_disk(disk: Path, args: dict[str, Any]) -> None:
    path = disk / "Data" / "Queue.hidir" / "tc.ifc"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_container(path, **args)
    assert path.read_bytes() == encode_container(**args)
    with open_container(path) as c:
        assert c.path == path
        _check(c, args)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.booleans())
def test_arbitrary_bytes_never_crash_the_reader(tail: bytes, with_magic: bool) -> None:
    data = (MAGIC + tail) if with_magic else tail
    try:
        c = Container.from_bytes(data)
        c.verify()
    except FormatError:
        pass
