"""Exhaustive corruption of a small real file: every byte, every other value.

Every single-byte change, every truncation and every appended tail must make reading
the whole file (open, then verify, which decodes every section) raise a
FormatError subclass: never another exception, never a successful read, since every
byte of a container is covered by a checksum or a structural check.

Then the same again with the checksums *recomputed* after each change, as a forger
or a buggy writer would do: the change now reaches the CBOR decoder, the header
schema, the section table checks or the zstd decoder, which must fail cleanly with a
FormatError, or read successfully (the file is then a different, valid file).
"""

from __future__ import annotations

import struct
from collections import Counter
from typing import Any

import zstandard

from ifacedir.errors import FormatError, NotAContainerError, UnsupportedVersionError
from ifacedir.format import cbor
from ifacedir.format.container import PREAMBLE_SIZE, Container, open_container
from ifacedir.format.fingerprint import FINGERPRINT_SIZE, fingerprint
from ifacedir.format.header import Codec


def _read_all(data: bytes) -> None:
    c = Container.from_bytes(data)
    c.verify()
    c.read_sections()


def _outcome(data: bytes) -> str:
    """'ok', or the FormatError subclass name; anything else propagates."""
    try:
        _read_all(data)
    except FormatError as exc:
        return type(exc).__name__
    return "ok"


def _header_end(data: bytes) -> int:
    return PREAMBLE_SIZE + int.from_bytes(data[12:16], "big") + FINGERPRINT_SIZE


def test_the_sample_is_small_with_both_codecs(small_container: bytes) -> None:
    assert 200 <= len(small_container) <= 600
    c = Container.from_bytes(small_container)
    assert sorted(e.codec for e in c.header.sections) == [Codec.CBOR, Codec.CBOR_ZSTD]
    _read_all(small_container)


def test_every_byte_every_value(small_container: bytes) -> None:
    data = small_container
    buf = bytearray(data)
    outcomes: Counter[str] = Counter()
    for i, original in enumerate(data):
        for value in range(256):
            if value == original:
                continue
            buf[i] = value
            outcome = _outcome(bytes(buf))
            assert outcome != "ok", f"byte {i} set to {value:#04x} still reads"
            outcomes[outcome] += 1
        buf[i] = original
    assert sum(outcomes.values()) == 255 * len(data)
    # magic bytes -> not ours; major version -> newer reader; everything else -> corrupt
    assert outcomes["NotAContainerError"] == 255 * 8
    assert outcomes["UnsupportedVersionError"] == 255 * 2
    assert outcomes["CorruptFileError"] == 255 * (len(data) - 10)


def test_every_truncation(small_container: bytes) -> None:
    for length in range(len(small_container)):
        try:
            _read_all(small_container[:length])
        except FormatError as exc:
            assert exc.reason.startswith("truncated"), (length, exc.reason)
        else:
            raise AssertionError(f"truncated to {length} bytes, still reads")


def test_appended_bytes(small_container: bytes) -> None:
    for tail in [b"\x00", b"\xff", bytes(range(256)), small_container, b"\x00" * 100_000]:
        try:
            _read_all(small_container + tail)
        except FormatError as exc:
            assert f"{len(tail)} unexpected bytes after the last section" in exc.reason
        else:
            raise AssertionError(f"{len(tail)} appended bytes not detected")


def test_every_byte_on_disk_reports_the_path(small_container: bytes, tmp_path: Any) -> None:
    # the same check through the file API, for a spread of positions and values
    path = tmp_path / "tc.ifc"
    for i in range(0, len(small_container), 3):
        buf = bytearray(small_container)
        buf[i] ^= 0xA5
        path.write_bytes(bytes(buf))
        try:
            with open_container(path) as c:
                c.verify()
        except FormatError as exc:
            assert exc.path == str(path)
        else:
            raise AssertionError(f"byte {i} changed on disk, still reads")


# -- with checksums recomputed --------------------------------------------------------


def _refresh_header_checksum(buf: bytearray) -> bytes:
    """Recompute the header checksum in place, if the declared length leaves room."""
    header_len = int.from_bytes(buf[12:16], "big")
    end = PREAMBLE_SIZE + header_len
    if end + FINGERPRINT_SIZE <= len(buf):
        buf[end : end + FINGERPRINT_SIZE] = fingerprint(bytes(buf[:end]))
    return bytes(buf)


def test_every_header_byte_with_checksum_recomputed(small_container: bytes) -> None:
    data = small_container
    end = _header_end(data) - FINGERPRINT_SIZE
    outcomes: Counter[str] = Counter()
    for i in range(8, end):  # past the magic: preamble versions, length, and the header
        for value in range(256):
            if value == data[i]:
                continue
            buf = bytearray(data)
            buf[i] = value
            outcomes[_outcome(_refresh_header_checksum(buf))] += 1
    assert outcomes["CorruptFileError"] > outcomes["ok"] > 0
    assert outcomes["UnsupportedVersionError"] == 2 * 255
    assert set(outcomes) <= {"ok", "CorruptFileError", "UnsupportedVersionError"}


def _reframe(header: dict[str, Any], preamble: bytes, body: bytes) -> bytes:
    hb = cbor.encode(header)
    head = preamble[:12] + struct.pack(">I", len(hb)) + hb
    return head + fingerprint(head) + body


def test_every_section_byte_with_hashes_recomputed(small_container: bytes) -> None:
    """Change a stored byte, then fix the section's hash (and, for plain sections or
    zstd frames that still decompress, the content hash), and the header checksum."""
    data = small_container
    end = _header_end(data)
    header = cbor.decode(data[PREAMBLE_SIZE : end - FINGERPRINT_SIZE])
    assert isinstance(header, dict)
    table: list[dict[str, Any]] = header["sections"]  # type: ignore[assignment]
    body = data[end:]
    outcomes: Counter[str] = Counter()
    for index, entry in enumerate(table):
        for j in range(entry["size"]):
            at = entry["offset"] + j
            for value in range(256):
                if value == body[at]:
                    continue
                new_body = bytearray(body)
                new_body[at] = value
                stored = bytes(new_body[entry["offset"] : entry["offset"] + entry["size"]])
                fixed = dict(entry, hash=fingerprint(stored))
                if entry["codec"] == Codec.CBOR:
                    fixed["raw_hash"] = fixed["hash"]
                else:
                    try:
                        raw = zstandard.ZstdDecompressor().decompress(
                            stored, max_output_size=entry["raw_size"]
                        )
                        fixed["raw_hash"] = fingerprint(raw)
                    except (zstandard.ZstdError, MemoryError):
                        pass
                new_table = [fixed if k == index else e for k, e in enumerate(table)]
                forged = _reframe({**header, "sections": new_table}, data, bytes(new_body))
                outcomes[_outcome(forged)] += 1
    assert outcomes["CorruptFileError"] > 0
    assert outcomes["ok"] > 0  # some changes give another valid value
    assert set(outcomes) <= {"ok", "CorruptFileError"}


def test_error_kinds_are_stable_for_the_preamble(small_container: bytes) -> None:
    buf = bytearray(small_container)
    buf[0] = 0
    assert _outcome(bytes(buf)) == NotAContainerError.__name__
    buf = bytearray(small_container)
    buf[8] = 0x7F
    assert _outcome(bytes(buf)) == UnsupportedVersionError.__name__
