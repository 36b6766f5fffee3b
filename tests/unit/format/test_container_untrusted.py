"""Untrusted input: limits checked before allocation, and hand-crafted files whose
checksums are all correct, so that only the check under test can catch them."""

from __future__ import annotations

import ast
import struct
from pathlib import Path
from typing import Any

import cbor2
import pytest
import zstandard

import ifacedir
from ifacedir.errors import CorruptFileError, FormatError
from ifacedir.format import cbor
from ifacedir.format import container as container_mod
from ifacedir.format.container import MAGIC, Container, ReadLimits
from ifacedir.format.fingerprint import fingerprint


class _NoDecompress:
    """Stands in for the zstd decompressor where a test proves it is never reached."""

    def decompress(self, *_args: Any, **_kwargs: Any) -> bytes:
        raise AssertionError("decompressor called")


@pytest.fixture
def no_decompress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container_mod._zstd, "decompressor", _NoDecompress())

    def no_frame_size(_data: bytes) -> int:
        raise AssertionError("frame_content_size called")

    monkeypatch.setattr(zstandard, "frame_content_size", no_frame_size)


def test_the_crafter_builds_files_the_reader_accepts(craft: Any) -> None:
    raw = cbor.encode(["x"] * 100)
    data = craft.file([craft.entry("a", raw, codec="cbor-zstd"), craft.entry("b", b"\x01")])
    c = Container.from_bytes(data)
    c.verify()
    assert c.read_sections() == {"a": ["x"] * 100, "b": 1}


# -- limits ---------------------------------------------------------------------


def test_declared_header_length_over_the_limit_is_refused_first() -> None:
    # a 4 GiB header declared in a 20-byte file: refused on the length alone
    data = MAGIC + struct.pack(">HHI", 1, 0, 2**32 - 1) + b"\xa0" * 4
    with pytest.raises(CorruptFileError, match=r"header length 4294967295 exceeds the limit"):
        Container.from_bytes(data)


def test_header_limit_is_configurable(small_container: bytes) -> None:
    header_len = int.from_bytes(small_container[12:16], "big")
    Container.from_bytes(small_container, limits=ReadLimits(max_header_size=header_len))
    with pytest.raises(CorruptFileError, match="exceeds the limit"):
        Container.from_bytes(small_container, limits=ReadLimits(max_header_size=header_len - 1))


def test_raw_size_over_the_limit_fails_before_decompressing(
    craft: Any, no_decompress: None
) -> None:
    raw = cbor.encode(["x"] * 100)
    data = craft.file([craft.entry("bomb", raw, codec="cbor-zstd", raw_size=2**40)])
    c = Container.from_bytes(data)  # the header alone is consistent
    with pytest.raises(CorruptFileError, match=r"section 'bomb': 1099511627776 bytes exceed"):
        c.read_section("bomb")
    with pytest.raises(CorruptFileError, match="exceed the limit"):
        c.verify()


def test_section_limit_is_configurable(small_container: bytes, no_decompress: None) -> None:
    c = Container.from_bytes(small_container, limits=ReadLimits(max_section_size=64))
    meta = c.read_section("meta")
    assert isinstance(meta, dict) and meta["n"] == -3
    with pytest.raises(CorruptFileError, match=r"section 'exports': .* exceed the limit of 64"):
        c.read_section("exports")


def test_section_count_limit(craft: Any) -> None:
    data = craft.file([craft.entry(f"s{i}", b"\x00") for i in range(5)])
    Container.from_bytes(data, limits=ReadLimits(max_sections=5))
    with pytest.raises(CorruptFileError, match="5 sections exceed the limit of 4"):
        Container.from_bytes(data, limits=ReadLimits(max_sections=4))


# -- zstd frames ------------------------------------------------------------------


def _zstd(raw: bytes, **kwargs: Any) -> bytes:
    return zstandard.ZstdCompressor(**kwargs).compress(raw)


RAW = cbor.encode({"payload": ["zz"] * 200})


@pytest.mark.parametrize(
    ("stored", "raw_size", "reason"),
    [
        # the frame declares one size, the table another (either way round)
        (_zstd(RAW), len(RAW) + 1, "zstd frame declares"),
        (_zstd(RAW), len(RAW) - 1, "zstd frame declares"),
        # the frame declares no size at all
        (_zstd(RAW, write_content_size=False), len(RAW), "zstd frame declares"),
        # a huge declared size, matching the table, over the limit
        (b"", 2**62, "exceed the limit"),
        # not zstd at all
        (b"not a zstd frame at all", len(RAW), "zstd"),
        # a valid frame followed by junk the table's hash covers
        (_zstd(RAW) + b"junk", len(RAW), "zstd"),
        # two frames: only one may be stored
        (_zstd(RAW) + _zstd(RAW), len(RAW), "zstd"),
    ],
    ids=["bigger", "smaller", "undeclared", "bomb", "garbage", "trailing-junk", "two-frames"],
)
def test_bad_zstd_frames(craft: Any, stored: bytes, raw_size: int, reason: str) -> None:
    data = craft.file([craft.entry("s", RAW, codec="cbor-zstd", stored=stored, raw_size=raw_size)])
    c = Container.from_bytes(data)
    with pytest.raises(CorruptFileError, match=f"section 's': .*{reason}"):
        c.read_section("s")


def test_decompressed_content_must_match_raw_hash(craft: Any) -> None:
    other = cbor.encode({"payload": ["yy"] * 200})
    assert len(other) == len(RAW)
    row, stored = craft.entry("s", RAW, codec="cbor-zstd", stored=_zstd(other))
    c = Container.from_bytes(craft.file([(row, stored)]))
    with pytest.raises(CorruptFileError, match="section 's': content hash mismatch"):
        c.read_section("s")


# -- forbidden CBOR inside sections ------------------------------------------------

FORBIDDEN_SECTIONS: list[tuple[str, bytes, str]] = [
    ("tag 1", bytes.fromhex("c11a514b67b0"), "tag 1"),
    ("tag 28", bytes.fromhex("d81c8101"), "tag 28"),
    ("tag 29", bytes.fromhex("82d81c80d81d00"), "tag 2[89]"),
    ("tag 55799", bytes.fromhex("d9d9f780"), "tag 55799"),
    ("simple value", bytes.fromhex("8220f0"), "[Ss]imple"),
    ("undefined", bytes.fromhex("a16161f7"), "[Uu]ndefined"),
    ("indefinite array", bytes.fromhex("9f01ff"), "indefinite"),
    ("indefinite map", bytes.fromhex("bf616101ff"), "indefinite"),
    ("indefinite text", bytes.fromhex("7f616161ff"), "indefinite"),
    ("duplicate keys", bytes.fromhex("a2616101616102"), "[Dd]uplicate"),
    ("integer key", bytes.fromhex("a10101"), "map key"),
    ("bytes key", bytes.fromhex("a1416101"), "map key"),
    ("trailing bytes", bytes.fromhex("0000"), "trailing bytes"),
    ("too deep", b"\x81" * (cbor.MAX_DEPTH + 1) + b"\x00", "depth"),
    ("too deep maps", b"\xa1\x61k" * (cbor.MAX_DEPTH + 1) + b"\x00", "depth"),
]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(raw, reason) for _name, raw, reason in FORBIDDEN_SECTIONS],
    ids=[name for name, _raw, _reason in FORBIDDEN_SECTIONS],
)
@pytest.mark.parametrize("codec", ["cbor", "cbor-zstd"])
def test_forbidden_cbor_in_a_section(craft: Any, raw: bytes, reason: str, codec: str) -> None:
    good = craft.entry("good", cbor.encode("fine"))
    data = craft.file([craft.entry("evil", raw, codec=codec), good])
    c = Container.from_bytes(data)  # hashes and sizes are right: opening succeeds
    c.read_stored("evil")
    assert fingerprint(c.read_raw("evil")) == fingerprint(raw)
    assert c.read_section("good") == "fine"
    for read in (c.read_section, lambda name: c.read_section(name, canonical=True)):
        with pytest.raises(CorruptFileError, match=f"section 'evil': .*{reason}") as info:
            read("evil")
        assert info.value.path is None
    with pytest.raises(CorruptFileError, match=reason):
        c.read_sections()
    with pytest.raises(CorruptFileError, match=reason):
        c.verify()


def test_non_canonical_section_is_caught_by_verify(craft: Any) -> None:
    raw = bytes.fromhex("a2616201616101")  # {"b": 1, "a": 1}: keys out of order
    c = Container.from_bytes(craft.file([craft.entry("s", raw)]))
    assert c.read_section("s") == {"a": 1, "b": 1}
    with pytest.raises(CorruptFileError, match=r"section 's': .*canonical"):
        c.read_section("s", canonical=True)
    with pytest.raises(CorruptFileError, match="canonical"):
        c.verify()


# -- the header ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header_bytes", "reason"),
    [
        (bytes.fromhex("c11a514b67b0"), "header: .*tag 1"),
        (bytes.fromhex("d9d9f7a0"), "header: .*tag 55799"),
        (bytes.fromhex("bfff"), "header: .*indefinite"),
        (bytes.fromhex("a2616101616102"), "header: .*[Dd]uplicate"),
        (bytes.fromhex("a0a0"), "header: .*trailing"),
        (bytes.fromhex("a0f7"), "header: .*trailing"),
        (bytes.fromhex("f7"), "header: .*[Uu]ndefined"),
        (bytes.fromhex("a1416101"), "header: map key"),
        (bytes.fromhex("80"), "header is not a CBOR map"),
        (bytes.fromhex("f6"), "header is not a CBOR map"),
        (b"", "header: .*premature end"),
    ],
)
def test_forbidden_cbor_in_the_header(craft: Any, header_bytes: bytes, reason: str) -> None:
    with pytest.raises(CorruptFileError, match=reason):
        Container.from_bytes(craft.frame(None, header_bytes=header_bytes))


def test_non_canonical_header_is_refused(craft: Any) -> None:
    header = craft.header([])
    canonical = cbor.encode(header)
    # the same map with the keys in insertion order instead of canonical order
    shuffled = cbor2.dumps(dict(reversed(list(header.items()))))
    assert shuffled != canonical
    assert cbor.decode(shuffled) == cbor.decode(canonical)
    Container.from_bytes(craft.frame(header))
    with pytest.raises(CorruptFileError, match=r"header: .*canonical"):
        Container.from_bytes(craft.frame(None, header_bytes=shuffled))


def _broken(craft: Any, **changes: Any) -> bytes:
    """A one-section file whose header has ``changes``; ``None`` deletes a field."""
    row, stored = craft.entry("s", b"\x01")
    header = craft.header([row])
    for key, value in changes.items():
        if key.startswith("s_"):
            target, key = header["sections"][0], key[2:]
        else:
            target = header
        if value is None:
            del target[key]
        else:
            target[key] = value
    return bytes(craft.frame(header, stored))


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"kind": "banana"}, "invalid header field kind"),
        ({"kind": 1}, "invalid header field kind"),
        ({"unit": ""}, "invalid header field unit"),
        ({"unit": "../etc"}, "invalid header field unit"),
        ({"module": ""}, "invalid header field module"),
        ({"phase": "TC"}, "invalid header field phase"),
        ({"schema_version": -1}, "invalid header field schema_version"),
        ({"schema_version": True}, "invalid header field schema_version"),
        ({"schema_version": 1.0}, "invalid header field schema_version"),
        ({"schema_version": None}, "invalid header field schema_version"),
        ({"inputs": {"source": b"short"}}, "invalid header field inputs.source"),
        ({"inputs": {"has space": bytes(16)}}, "invalid header field inputs"),
        ({"inputs": []}, "invalid header field inputs"),
        ({"sections": {}}, "invalid header field sections"),
        ({"s_name": "../../x"}, "invalid header field sections.0.name"),
        ({"s_name": "s\n"}, "invalid header field sections.0.name"),
        ({"s_codec": ""}, "invalid header field sections.0.codec"),
        ({"s_offset": -1}, "invalid header field sections.0.offset"),
        ({"s_size": 2**64}, "invalid header field sections.0.size"),
        ({"s_raw_size": "1"}, "invalid header field sections.0.raw_size"),
        ({"s_hash": bytes(15)}, "invalid header field sections.0.hash"),
        ({"s_raw_hash": "00" * 16}, "invalid header field sections.0.raw_hash"),
        ({"s_hash": None}, "invalid header field sections.0.hash"),
    ],
    ids=repr,
)
def test_header_schema_violations(craft: Any, changes: dict[str, Any], reason: str) -> None:
    with pytest.raises(CorruptFileError, match=reason):
        Container.from_bytes(_broken(craft, **changes))


def test_section_table_must_be_consistent(craft: Any) -> None:
    a = craft.entry("a", b"\x01")
    b = craft.entry("b", b"\x02")
    with pytest.raises(CorruptFileError, match="'a' appears twice"):
        Container.from_bytes(craft.file([a, a]))
    # a gap between sections
    rows = [{**a[0], "offset": 0}, {**b[0], "offset": 2}]
    with pytest.raises(CorruptFileError, match="section 'b' starts at 2, expected 1"):
        Container.from_bytes(craft.frame(craft.header(rows), b"\x01\x00\x02"))
    # overlapping sections
    rows = [{**a[0], "offset": 0}, {**b[0], "offset": 0}]
    with pytest.raises(CorruptFileError, match="contiguous"):
        Container.from_bytes(craft.frame(craft.header(rows), b"\x01\x02"))
    # plain CBOR whose raw size or hash differs from what is stored
    odd = craft.entry("a", b"\x01", raw_size=2)
    with pytest.raises(CorruptFileError, match="plain CBOR with differing"):
        Container.from_bytes(craft.file([odd]))
    odd_hash = ({**a[0], "raw_hash": fingerprint(b"\x02")}, a[1])
    with pytest.raises(CorruptFileError, match="plain CBOR with differing"):
        Container.from_bytes(craft.file([odd_hash]))


def test_asking_for_a_missing_section_is_a_format_error(small_container: bytes) -> None:
    c = Container.from_bytes(small_container)
    with pytest.raises(FormatError, match="no section 'nope'"):
        c.read_section("nope")


# -- no code execution -------------------------------------------------------------------

_UNSAFE_MODULES = {"pickle", "_pickle", "cPickle", "dill", "cloudpickle", "shelve", "marshal"}


def test_no_pickle_anywhere_in_the_package() -> None:
    root = Path(ifacedir.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert files
    offenders: list[str] = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source, filename=str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                "__import__",
                "import_module",
            ):
                names = [str(a.value) for a in node.args if isinstance(a, ast.Constant)]
            for name in names:
                if name.split(".")[0] in _UNSAFE_MODULES:
                    line = getattr(node, "lineno", 0)
                    offenders.append(f"{path.relative_to(root)}:{line}: {name}")
        if "pickle" in source:
            offenders.append(f"{path.relative_to(root)}: mentions pickle")
    assert offenders == []
