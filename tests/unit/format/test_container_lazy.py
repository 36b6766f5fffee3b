"""Laziness: opening reads only the header; reading a section touches only that section.

Proved three ways: counting the bytes ``os.pread`` returns, counting zstd
decompressions, and corrupting one section on disk while the rest still reads.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ifacedir.errors import CorruptFileError
from ifacedir.format import container as container_mod
from ifacedir.format.container import PREAMBLE_SIZE, open_container, read_header, write_container
from ifacedir.format.fingerprint import FINGERPRINT_SIZE, fingerprint
from ifacedir.format.header import Codec, FileKind

_RNG = random.Random(20240611)
SECTIONS: dict[str, object] = {
    "alpha": ["alpha"] * 2000,  # zstd
    "beta": {"k": ["beta"] * 2000},  # zstd
    "noise": _RNG.randbytes(200_000),  # incompressible: plain
    "small": [1, 2, 3],  # plain
}


def _write(path: Path, inputs: dict[str, bytes] | None = None) -> None:
    write_container(
        path,
        kind=FileKind.PHASE,
        phase="ds",
        module="Lazy",
        unit="main",
        schema_version=1,
        inputs=inputs or {},
        sections=SECTIONS,
    )


@dataclass
class PreadLog:
    calls: list[tuple[int, int, int]] = field(default_factory=list)  # offset, asked, got

    @property
    def bytes_read(self) -> int:
        return sum(got for _off, _asked, got in self.calls)


@pytest.fixture
def pread_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[PreadLog]:
    log = PreadLog()
    real = os.pread

    def counting(fd: int, length: int, offset: int) -> bytes:
        data = real(fd, length, offset)
        log.calls.append((offset, length, len(data)))
        return data

    monkeypatch.setattr(os, "pread", counting)
    yield log


class CountingDecompressor:
    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls = 0

    def decompress(self, data: bytes, **kwargs: Any) -> bytes:
        self.calls += 1
        return bytes(self.real.decompress(data, **kwargs))


@pytest.fixture
def decompressions(monkeypatch: pytest.MonkeyPatch) -> CountingDecompressor:
    counter = CountingDecompressor(container_mod._zstd.decompressor)
    monkeypatch.setattr(container_mod._zstd, "decompressor", counter)
    return counter


def test_sample_has_the_shapes_the_tests_rely_on(tmp_path: Path) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    codecs = {e.name: e.codec for e in read_header(path).sections}
    assert codecs == {
        "alpha": Codec.CBOR_ZSTD,
        "beta": Codec.CBOR_ZSTD,
        "noise": Codec.CBOR,
        "small": Codec.CBOR,
    }
    assert path.stat().st_size > 200_000


def test_open_reads_only_the_first_block(tmp_path: Path, pread_log: PreadLog) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    with open_container(path) as c:
        assert c.header.module == "Lazy"
        header_end = c._data_start
    assert header_end < 4096
    assert pread_log.bytes_read <= 4096
    assert all(offset == 0 for offset, _asked, _got in pread_log.calls)


def test_open_with_a_long_header_reads_just_the_header(tmp_path: Path, pread_log: PreadLog) -> None:
    path = tmp_path / "ds.ifc"
    inputs = {f"import:Mod{i:04d}": fingerprint(str(i).encode()) for i in range(300)}
    _write(path, inputs)
    with open_container(path) as c:
        assert len(c.header.inputs) == 300
        header_end = c._data_start
    assert header_end > 4096
    # the first block, then the rest of the header: never a byte of a section
    assert pread_log.bytes_read <= 4096 + header_end
    assert max(offset + got for offset, _asked, got in pread_log.calls) <= header_end


def test_reading_one_section_reads_exactly_its_bytes(tmp_path: Path, pread_log: PreadLog) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    with open_container(path) as c:
        opened = len(pread_log.calls)
        entry = c.header.section("small")
        assert entry is not None
        assert c.read_section("small") == [1, 2, 3]
        section_reads = pread_log.calls[opened:]
        assert section_reads == [(c._data_start + entry.offset, entry.size, entry.size)]


def test_open_and_read_header_decompress_nothing(
    tmp_path: Path, decompressions: CountingDecompressor
) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    read_header(path)
    with open_container(path) as c:
        c.read_section("small")
        c.read_section("noise")
    assert decompressions.calls == 0


def test_reading_one_section_decompresses_only_it(
    tmp_path: Path, decompressions: CountingDecompressor
) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    with open_container(path) as c:
        assert c.read_section("alpha") == SECTIONS["alpha"]
        assert decompressions.calls == 1
        assert c.read_section("beta") == SECTIONS["beta"]
        assert decompressions.calls == 2
        c.verify()
        assert decompressions.calls == 4  # verify reads everything, once each


def _corrupt_section(path: Path, name: str) -> None:
    with open_container(path) as c:
        entry = c.header.section(name)
        assert entry is not None
        where = c._data_start + entry.offset + entry.size // 2
    data = bytearray(path.read_bytes())
    data[where] ^= 0x40
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("victim", ["alpha", "noise", "small"])
def test_a_corrupt_section_does_not_stop_reading_the_others(tmp_path: Path, victim: str) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    _corrupt_section(path, victim)
    header = read_header(path)  # the header is intact and still reads
    assert header.module == "Lazy"
    with open_container(path) as c:
        for name in c.section_names:
            if name != victim:
                assert c.read_section(name) == SECTIONS[name]
        with pytest.raises(CorruptFileError, match=f"section '{victim}': checksum mismatch"):
            c.read_section(victim)
        with pytest.raises(CorruptFileError, match=victim):
            c.verify()


def test_header_checksum_covers_exactly_preamble_and_header(tmp_path: Path) -> None:
    path = tmp_path / "ds.ifc"
    _write(path)
    data = path.read_bytes()
    with open_container(path) as c:
        end = c._data_start
    assert data[end - FINGERPRINT_SIZE : end] == fingerprint(data[: end - FINGERPRINT_SIZE])
    assert end - FINGERPRINT_SIZE - PREAMBLE_SIZE == int.from_bytes(data[12:16], "big")
