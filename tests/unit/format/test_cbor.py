"""Canonical CBOR: exact encodings, and strict rejection of everything outside the model."""

from __future__ import annotations

import math
from decimal import Decimal
from enum import IntEnum

import pytest

from ifacedir.format import cbor


@pytest.mark.parametrize(
    ("value", "hex_bytes"),
    [
        (0, "00"),
        (23, "17"),
        (24, "1818"),
        (-1, "20"),
        (2**64 - 1, "1bffffffffffffffff"),
        (2**64, "c249010000000000000000"),
        (-(2**64), "3bffffffffffffffff"),
        (-(2**64) - 1, "c349010000000000000000"),
        (False, "f4"),
        (True, "f5"),
        (None, "f6"),
        (1.0, "f93c00"),
        (1.5, "f93e00"),
        (-0.0, "f98000"),
        (math.inf, "f97c00"),
        (-math.inf, "f9fc00"),
        (math.nan, "f97e00"),
        (0.1, "fb3fb999999999999a"),
        (100000.0, "fa47c35000"),
        ("", "60"),
        ("ü", "62c3bc"),
        (b"", "40"),
        (b"\x01", "4101"),
        ([], "80"),
        ([1, [2]], "820181 02".replace(" ", "")),
        ({}, "a0"),
        # keys sorted by their encoding: shorter first, then bytewise
        ({"bb": 1, "a": 2, "c": 3}, "a3 6161 02 6163 03 626262 01".replace(" ", "")),
    ],
)
def test_encode_exact_bytes(value: object, hex_bytes: str) -> None:
    assert cbor.encode(value).hex() == hex_bytes
    assert cbor.encode(cbor.decode(bytes.fromhex(hex_bytes), canonical=True)).hex() == hex_bytes


def test_tuple_encodes_as_array() -> None:
    assert cbor.encode((1, 2)) == cbor.encode([1, 2])


class _Colour(IntEnum):
    RED = 1


@pytest.mark.parametrize(
    "value",
    [
        {1, 2},
        frozenset(),
        bytearray(b"x"),
        Decimal("1.5"),
        _Colour.RED,
        object(),
        {1: "int key"},
        {b"k": "bytes key"},
        [[{"ok": {3.0: None}}]],
        "\ud800",  # a lone surrogate cannot be UTF-8
    ],
    ids=lambda v: "object()" if type(v) is object else repr(v),  # stable across processes
)
def test_encode_rejects_values_outside_the_model(value: object) -> None:
    with pytest.raises(cbor.CborError):
        cbor.encode(value)


def _nested(depth: int) -> object:
    value: object = 0
    for _ in range(depth):
        value = [value]
    return value


def test_depth_limit_is_the_same_for_encode_and_decode() -> None:
    ok = cbor.encode(_nested(cbor.MAX_DEPTH))
    assert cbor.decode(ok, canonical=True) == _nested(cbor.MAX_DEPTH)
    with pytest.raises(cbor.CborError, match="nesting"):
        cbor.encode(_nested(cbor.MAX_DEPTH + 1))
    too_deep = b"\x81" * (cbor.MAX_DEPTH + 1) + b"\x00"
    with pytest.raises(cbor.CborError, match="depth"):
        cbor.decode(too_deep)
    too_deep_maps = b"\xa1\x61k" * (cbor.MAX_DEPTH + 1) + b"\x00"
    with pytest.raises(cbor.CborError, match="depth"):
        cbor.decode(too_deep_maps)


def test_very_deep_input_never_reaches_the_recursion_limit() -> None:
    with pytest.raises(cbor.CborError):
        cbor.encode(_nested(100_000))
    with pytest.raises(cbor.CborError):
        cbor.decode(b"\x81" * 100_000 + b"\x00")


# Each entry: hand-written CBOR outside the data model, and what the error must say.
FORBIDDEN: list[tuple[str, str, str]] = [
    ("tag 0 (date string)", "c074323031332d30332d32315432303a30343a30305a", "tag 0"),
    ("tag 1 (epoch date)", "c11a514b67b0", "tag 1"),
    ("tag 28 (shareable)", "d81c8101", "tag 28"),
    ("tag 29 (shared ref)", "82d81c80d81d00", "tag 2[89]"),
    ("tag 25 (string ref)", "d901008263616263d81900", "tag 25"),
    ("tag 258 (set)", "d901028101", "tag 258"),
    ("tag 55799 (self-describe)", "d9d9f780", "tag 55799"),
    ("tag 4 (decimal)", "c48221196ab3", "tag 4"),
    ("unknown tag 6", "c601", "tag 6"),
    ("huge tag number", "dbffffffffffffffff01", "tag"),
    ("simple value 16", "f0", "[Ss]imple"),
    ("simple value 255", "f8ff", "[Ss]imple"),
    ("undefined", "f7", "[Uu]ndefined"),
    ("indefinite array", "9f01ff", "indefinite"),
    ("indefinite map", "bf616101ff", "indefinite"),
    ("indefinite text", "7f616161ff", "indefinite"),
    ("indefinite bytes", "5f4101ff", "indefinite"),
    ("lone break", "ff", "break"),
    ("duplicate keys", "a2616101616102", "[Dd]uplicate"),
    ("integer map key", "a10101", "map key"),
    ("byte-string map key", "a1416101", "map key"),
    ("array map key", "a1800101", "map key"),
    ("trailing bytes", "0100", "trailing"),
    ("empty input", "", "premature end"),
    ("truncated array", "8201", "premature end"),
    ("invalid UTF-8", "61ff", "text string"),
    ("bignum of an int", "c201", "bignum"),
    ("huge declared length", "5b7fffffffffffffff", "premature end"),
    ("huge declared array", "9b7fffffffffffffff", "invalid CBOR"),
    ("nested forbidden tag", "a1616181c11a514b67b0", "tag 1"),
]


@pytest.mark.parametrize(("hex_bytes", "reason"), [(h, r) for _n, h, r in FORBIDDEN],
                         ids=[n for n, _h, _r in FORBIDDEN])  # fmt: skip
@pytest.mark.parametrize("canonical", [False, True])
def test_decode_rejects_forbidden_cbor(hex_bytes: str, reason: str, canonical: bool) -> None:
    with pytest.raises(cbor.CborError, match=reason):
        cbor.decode(bytes.fromhex(hex_bytes), canonical=canonical)


@pytest.mark.parametrize(
    "hex_bytes",
    [
        "1801",  # 1 in two bytes
        "190001",
        "fb3ff0000000000000",  # 1.0 as a double
        "f97e01",  # a NaN with a payload
        "fbfff8000000000000",  # a double NaN
        "c24101",  # a bignum that fits in 64 bits
        "c24a00010000000000000000",  # bignum with a leading zero
        "a2616201616101",  # keys out of order
        "a2626262016163 02".replace(" ", ""),  # longer key first
        "5801ff",  # byte string with a long length form
    ],
)
def test_non_canonical_is_accepted_only_without_canonical(hex_bytes: str) -> None:
    data = bytes.fromhex(hex_bytes)
    cbor.decode(data)
    with pytest.raises(cbor.CborError, match="canonical"):
        cbor.decode(data, canonical=True)
