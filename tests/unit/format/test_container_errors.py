"""Error reports: each failure carries the file's path and names the check that failed."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from ifacedir.errors import (
    CorruptFileError,
    FormatError,
    IfacedirError,
    NotAContainerError,
    UnsupportedVersionError,
    WriteError,
)
from ifacedir.format.container import PREAMBLE_SIZE, ReadLimits, open_container, read_header
from ifacedir.format.fingerprint import FINGERPRINT_SIZE


def test_hierarchy() -> None:
    for cls in (NotAContainerError, CorruptFileError, UnsupportedVersionError):
        assert issubclass(cls, FormatError)
    assert issubclass(FormatError, IfacedirError)
    assert issubclass(WriteError, IfacedirError)
    e = CorruptFileError("/x/tc.ifc", "header checksum mismatch")
    assert (e.path, e.reason, str(e)) == (
        "/x/tc.ifc",
        "header checksum mismatch",
        "/x/tc.ifc: header checksum mismatch",
    )
    assert str(CorruptFileError(None, "why")) == "why"
    assert CorruptFileError(Path("a/b"), "r").path == "a/b"


def _header_end(data: bytes) -> int:
    return PREAMBLE_SIZE + int.from_bytes(data[12:16], "big") + FINGERPRINT_SIZE


def _flip(at: Callable[[bytes], int]) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        b = bytearray(data)
        b[at(data)] ^= 0x01
        return bytes(b)

    return mutate


MUTATIONS: list[tuple[str, Callable[[bytes], bytes], type[FormatError], str]] = [
    ("empty", lambda d: b"", CorruptFileError, "truncated: the file is empty"),
    ("magic", _flip(lambda d: 1), NotAContainerError, "magic"),
    ("text file", lambda d: b"module Main where\n", NotAContainerError, "magic"),
    ("preamble only", lambda d: d[:10], CorruptFileError, "truncated.*preamble"),
    ("major", lambda d: d[:8] + b"\x00\x09" + d[10:], UnsupportedVersionError, "version 9.0"),
    ("minor", _flip(lambda d: 11), CorruptFileError, "header checksum mismatch"),
    ("header length", _flip(lambda d: 15), CorruptFileError, "header checksum|truncated"),
    ("header byte", _flip(lambda d: PREAMBLE_SIZE + 3), CorruptFileError, "header checksum"),
    ("checksum byte", _flip(lambda d: _header_end(d) - 1), CorruptFileError, "header checksum"),
    ("cut in header", lambda d: d[:40], CorruptFileError, "truncated.*header alone needs"),
    ("cut in sections", lambda d: d[:-1], CorruptFileError, r"truncated: \d+ bytes, expected"),
    ("appended", lambda d: d + b"\x00", CorruptFileError, "1 unexpected bytes after the last"),
    (
        "huge header",
        lambda d: d[:12] + struct.pack(">I", 2**31) + d[16:],
        CorruptFileError,
        "header length .* exceeds the limit",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "error", "reason"),
    [(m, e, r) for _n, m, e, r in MUTATIONS],
    ids=[n for n, _m, _e, _r in MUTATIONS],
)
def test_open_reports_path_and_failed_check(
    tmp_path: Path,
    small_container: bytes,
    mutate: Callable[[bytes], bytes],
    error: type[FormatError],
    reason: str,
) -> None:
    path = tmp_path / "Data" / "Queue.hidir" / "tc.ifc"
    path.parent.mkdir(parents=True)
    path.write_bytes(mutate(small_container))
    with pytest.raises(error, match=reason) as info, open_container(path) as c:
        c.verify()
    assert info.value.path == str(path)
    assert str(info.value) == f"{path}: {info.value.reason}"
    assert str(path) not in info.value.reason


def _section_byte(data: bytes, name: str) -> int:
    from ifacedir.format.container import Container

    c = Container.from_bytes(data)
    entry = c.header.section(name)
    assert entry is not None
    return c._data_start + entry.offset


@pytest.mark.parametrize("name", ["exports", "meta"])
def test_section_errors_name_the_section(tmp_path: Path, small_container: bytes, name: str) -> None:
    data = bytearray(small_container)
    data[_section_byte(small_container, name)] ^= 0x80
    path = tmp_path / "tc.ifc"
    path.write_bytes(bytes(data))
    with open_container(path) as c, pytest.raises(CorruptFileError) as info:
        c.read_section(name)
    assert info.value.path == str(path)
    assert info.value.reason == f"section {name!r}: checksum mismatch (the file was altered)"


def test_limit_errors_carry_the_path(tmp_path: Path, small_container: bytes) -> None:
    path = tmp_path / "tc.ifc"
    path.write_bytes(small_container)
    limits = ReadLimits(max_section_size=10)
    with open_container(path, limits=limits) as c, pytest.raises(CorruptFileError) as info:
        c.read_section("exports")
    assert "exceed the limit of 10" in info.value.reason
    assert info.value.path == str(path)


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.ifc"
    with pytest.raises(FormatError, match="cannot open: No such file") as info:
        read_header(path)
    assert info.value.path == str(path)


def test_a_directory_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as info:
        read_header(tmp_path)
    assert info.value.path == str(tmp_path)
    assert "directory" in info.value.reason.lower()


def test_reading_after_close_is_a_format_error(tmp_path: Path, small_container: bytes) -> None:
    path = tmp_path / "tc.ifc"
    path.write_bytes(small_container)
    with open_container(path) as c:
        pass
    with pytest.raises(FormatError, match="read after close"):
        c.read_section("meta")
