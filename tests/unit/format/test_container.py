"""The container: writing and reading back, purity of the encoder, write failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ifacedir.errors import WriteError
from ifacedir.format import cbor
from ifacedir.format.container import (
    FORMAT_MAJOR,
    FORMAT_MINOR,
    MAGIC,
    Container,
    encode_container,
    open_container,
    read_header,
    write_container,
)
from ifacedir.format.fingerprint import FINGERPRINT_SIZE, fingerprint, fingerprint_hex
from ifacedir.format.header import Codec, FileKind

SECTIONS: dict[str, object] = {
    "types": {"push": "a -> Queue a -> Queue a", "pop": "Queue a -> Maybe (a, Queue a)"}
    | {f"f{i}": "Int -> Int" for i in range(20)},
    "exports": ["push", "pop"],
    "big": list(range(-1000, 1000)),
}
INPUTS = {"source": fingerprint(b"src"), "flags:tc": fingerprint(b"-O0")}


def _write(path: Path, sections: dict[str, object] = SECTIONS) -> None:
    write_container(
        path,
        kind=FileKind.PHASE,
        phase="tc",
        module="Data.Queue",
        unit="main",
        schema_version=7,
        inputs=INPUTS,
        sections=sections,
    )


def test_fingerprint_is_blake2b_128() -> None:
    assert FINGERPRINT_SIZE == 16
    assert fingerprint(b"") == bytes.fromhex("cae66941d9efbd404e4d88758ea67670")
    assert fingerprint_hex(b"abc") == fingerprint(b"abc").hex()


def test_write_then_open_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "tc.ifc"
    _write(path)
    data = path.read_bytes()
    assert data.startswith(MAGIC)
    assert data[8:12] == bytes([0, FORMAT_MAJOR, 0, FORMAT_MINOR])
    with open_container(path) as c:
        assert c.path == path
        assert c.version == (FORMAT_MAJOR, FORMAT_MINOR)
        assert c.unknown_header_fields == ()
        h = c.header
        assert (h.kind, h.phase, h.module, h.unit, h.schema_version) == (
            FileKind.PHASE,
            "tc",
            "Data.Queue",
            "main",
            7,
        )
        assert h.inputs == INPUTS
        assert c.section_names == sorted(SECTIONS)  # laid out sorted by name
        assert c.read_sections() == SECTIONS
        assert c.read_section("exports", canonical=True) == ["push", "pop"]
        assert c.read_raw("exports") == cbor.encode(["push", "pop"])
        c.verify()
    assert read_header(path) == h


def test_codec_choice_is_deterministic() -> None:
    data = encode_container(
        kind=FileKind.INTERFACE,
        phase=None,
        module="M",
        unit="main",
        schema_version=0,
        inputs={},
        sections={"tiny": [1, 2, 3], "repetitive": ["x" * 10] * 50, "random": os.urandom(500)},
    )
    c = Container.from_bytes(data)
    codecs = {e.name: e.codec for e in c.header.sections}
    assert codecs == {"tiny": Codec.CBOR, "repetitive": Codec.CBOR_ZSTD, "random": Codec.CBOR}
    for e in c.header.sections:
        if e.codec == Codec.CBOR:
            assert (e.size, e.hash) == (e.raw_size, e.raw_hash)
        else:
            assert e.size < e.raw_size


def test_no_sections_and_package_level_file() -> None:
    data = encode_container(
        kind=FileKind.PACKAGE,
        phase=None,
        module=None,
        unit="base-4.0",
        schema_version=0,
        inputs={},
        sections={},
    )
    c = Container.from_bytes(data)
    assert (c.header.module, c.header.phase, c.section_names) == (None, None, [])
    assert c.read_sections() == {}
    c.verify()


def test_encoder_is_pure_and_ignores_mapping_order() -> None:
    def encode(sections: dict[str, object], inputs: dict[str, bytes]) -> bytes:
        return encode_container(
            kind=FileKind.PHASE,
            phase="ds",
            module="A.B",
            unit="main",
            schema_version=1,
            inputs=inputs,
            sections=sections,
        )

    reversed_sections = {k: SECTIONS[k] for k in reversed(list(SECTIONS))}
    reversed_inputs = {k: INPUTS[k] for k in reversed(list(INPUTS))}
    first = encode(SECTIONS, INPUTS)
    assert encode(SECTIONS, INPUTS) == first
    assert encode(reversed_sections, reversed_inputs) == first


@pytest.mark.parametrize(
    ("sections", "inputs"),
    [
        ({"ok": {1, 2}}, {}),  # a set is not in the data model
        ({"ok": {1: 2}}, {}),  # nor is an integer map key
        ({"Bad Name": 1}, {}),  # section names are [a-z][a-z0-9_-]*
        ({"ok": 1}, {"source": b"short"}),  # fingerprints are 16 bytes
        ({"ok": 1}, {"has space": bytes(16)}),
    ],
)
def test_write_rejects_bad_values_without_leaving_files(
    tmp_path: Path, sections: dict[str, object], inputs: dict[str, bytes]
) -> None:
    path = tmp_path / "tc.ifc"
    with pytest.raises(WriteError) as info:
        write_container(
            path,
            kind=FileKind.PHASE,
            phase="tc",
            module="M",
            unit="main",
            schema_version=0,
            inputs=inputs,
            sections=sections,
        )
    assert info.value.path == str(path)
    assert "cannot encode" in info.value.reason
    assert list(tmp_path.iterdir()) == []


def test_write_failure_is_write_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "tc.ifc"
    _write(path)
    before = path.read_bytes()
    with pytest.raises(WriteError):
        _write(tmp_path / "missing-dir" / "tc.ifc")
    target_is_dir = tmp_path / "adir"
    target_is_dir.mkdir()
    (target_is_dir / "keep").write_text("x")
    with pytest.raises(WriteError) as info:
        _write(target_is_dir)
    assert info.value.path == str(target_is_dir)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "tc.ifc"]  # no temporaries
    assert path.read_bytes() == before
