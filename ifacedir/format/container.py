"""The container: the byte framing shared by every file in an interface directory.

spec/FORMAT.md is normative; this module implements it. A file is::

    offset 0       magic            8 bytes  89 49 46 44 0D 0A 1A 0A  ("\\x89IFD\\r\\n\\x1a\\n")
    offset 8       major version    u16, big-endian
    offset 10      minor version    u16, big-endian
    offset 12      header length H  u32, big-endian
    offset 16      header           H bytes, one canonical CBOR map (see header.py)
    offset 16+H    header checksum  16 bytes, BLAKE2b-128 of bytes [0, 16+H)
    offset 32+H    sections         stored back to back, in section-table order

Writing (:func:`encode_container`, :func:`write_container`):

1. encode each section value as canonical CBOR; compress it with zstd when that
   makes it smaller (a deterministic choice), and hash both forms;
2. lay the sections out contiguously, sorted by name, and build the header;
3. frame it, then write the bytes atomically (temporary file + rename).

Reading (:class:`Container`) checks, in this order, and says which check failed:
magic, version, header length, header checksum, header CBOR and schema, section
table consistency and the total file size. That is all that opening costs: one
``pread`` of the first 4 KiB for typical headers. A section is read, checked against
its hash, decompressed within its declared size, checked again and decoded only
when asked for (see Note [Lazy sections]).

Note [Format version bump rule]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
FORMAT_MAJOR changes when an old reader could misread a new file: the byte layout
above, the meaning of an existing header field, hashing, or the canonical-CBOR
rules. FORMAT_MINOR changes when a file gains something an old reader may safely
ignore: a new optional header field, a new section, a new codec for a new section.
A reader refuses files of another major version, and reads files of a newer minor
version by skipping header fields and sections it does not know. Unknown fields or
sections in a file whose minor version the reader knows are corruption, not skew.
Payload schemas (what is inside the sections of a tc or .hi file) are versioned
separately by the header's ``schema_version``.

Note [Lazy sections]
~~~~~~~~~~~~~~~~~~~~
Readers usually want one thing: the driver's recompilation check wants the header
(its input fingerprints), inspect wants the section table, an importer wants the
exports of an interface. The header carries the whole section table, so opening a
file reads only the first 4 KiB (more if the header is longer), and each section
is read with one pread at its offset. Integrity is per piece: the header checksum
covers the preamble and header, each section's hash covers its stored bytes, and
opening compares the file size with the size the table implies, so truncation is
caught at once. A change inside a section that was not read is caught when it is
read (and by ``verify``, which reads everything).

Note [No fsync by default]
~~~~~~~~~~~~~~~~~~~~~~~~~~
Atomicity against a killed process needs only write-to-temporary-then-rename. A
power loss can still leave a renamed file with garbage blocks, but every byte of a
container is covered by a checksum or a structural check, so such a file is read as
corrupt and the phase is rebuilt: never used. fsync would cost a disk flush per
phase file for no gain in correctness, so it is opt-in (``durable=True``), and the
install step, whose files are not rebuilt automatically, uses it.
"""

from __future__ import annotations

import os
import struct
import threading
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pydantic
import zstandard

from ifacedir.errors import (
    CorruptFileError,
    EncodeError,
    FormatError,
    NotAContainerError,
    UnsupportedVersionError,
    WriteError,
)
from ifacedir.format import cbor
from ifacedir.format.fingerprint import FINGERPRINT_SIZE, fingerprint
from ifacedir.format.header import Codec, FileHeader, FileKind, SectionEntry
from ifacedir.util.atomic import atomic_write_bytes

__all__ = [
    "FORMAT_MAJOR",
    "FORMAT_MINOR",
    "MAGIC",
    "PREAMBLE_SIZE",
    "Container",
    "ReadLimits",
    "encode_container",
    "open_container",
    "read_header",
    "write_container",
]

MAGIC: Final = b"\x89IFD\r\n\x1a\n"
FORMAT_MAJOR: Final = 1
FORMAT_MINOR: Final = 0
PREAMBLE_SIZE: Final = 16  # magic, major, minor, header length
_PREAMBLE: Final = struct.Struct(">8sHHI")
_FIRST_READ: Final = 4096
_MIN_COMPRESS: Final = 64  # smaller sections are stored as plain CBOR
ZSTD_LEVEL: Final = 3


@dataclass(frozen=True)
class ReadLimits:
    """Caps checked *before* allocating or decompressing anything of that size."""

    max_header_size: int = 1 << 20
    max_section_size: int = 256 << 20  # raw (decompressed) bytes of one section
    max_sections: int = 4096


DEFAULT_LIMITS: Final = ReadLimits()
_KNOWN_CODECS: Final = frozenset(codec.value for codec in Codec)


# ---------------------------------------------------------------------------
# Writing


class _Zstd(threading.local):
    """zstandard (de)compressor objects are not thread-safe; keep one per thread."""

    def __init__(self) -> None:
        self.compressor = zstandard.ZstdCompressor(
            level=ZSTD_LEVEL, write_content_size=True, write_checksum=False
        )
        # A 128 MiB window bounds decoder memory; frames asking for more are refused.
        self.decompressor = zstandard.ZstdDecompressor(max_window_size=1 << 27)


_zstd = _Zstd()


def _store(raw: bytes) -> tuple[str, bytes]:
    if len(raw) >= _MIN_COMPRESS:
        packed = _zstd.compressor.compress(raw)
        if len(packed) < len(raw):
            return Codec.CBOR_ZSTD.value, packed
    return Codec.CBOR.value, raw


def encode_container(
    *,
    kind: FileKind,
    phase: str | None,
    module: str | None,
    unit: str,
    schema_version: int,
    inputs: Mapping[str, bytes],
    sections: Mapping[str, object],
) -> bytes:
    """The complete bytes of a container file (pure: same arguments, same bytes).

    Raises EncodeError for a value outside the data model or an invalid header field.
    """
    try:
        fields: dict[str, object] = dict(
            kind=kind, phase=phase, module=module, unit=unit,
            schema_version=schema_version, inputs=dict(inputs),
        )  # fmt: skip
        return _encode(fields, sections)
    except cbor.CborError as exc:
        raise EncodeError(str(exc)) from None
    except pydantic.ValidationError as exc:
        raise EncodeError(_first_error(exc)) from None


def _first_error(exc: pydantic.ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"invalid header field {where}: {first['msg']}"


def _encode(fields: dict[str, object], sections: Mapping[str, object]) -> bytes:
    """Lay out the sections, then validate the complete header and frame it."""
    entries: list[SectionEntry] = []
    blobs: list[bytes] = []
    offset = 0
    for name in sorted(sections):
        raw = cbor.encode(sections[name])
        codec, stored = _store(raw)
        entries.append(
            SectionEntry(
                name=name,
                codec=codec,
                offset=offset,
                size=len(stored),
                raw_size=len(raw),
                hash=fingerprint(stored),
                raw_hash=fingerprint(raw),
            )
        )
        blobs.append(stored)
        offset += len(stored)
    header = FileHeader.model_validate({**fields, "sections": entries})
    header_bytes = cbor.encode(_header_to_cbor(header))
    head = _PREAMBLE.pack(MAGIC, FORMAT_MAJOR, FORMAT_MINOR, len(header_bytes)) + header_bytes
    return b"".join([head, fingerprint(head), *blobs])


def _header_to_cbor(header: FileHeader) -> dict[str, object]:
    data = header.model_dump(mode="python")
    data["kind"] = header.kind.value
    return data


def write_container(
    path: Path,
    *,
    kind: FileKind,
    phase: str | None,
    module: str | None,
    unit: str,
    schema_version: int,
    inputs: Mapping[str, bytes],
    sections: Mapping[str, object],
    durable: bool = False,
) -> None:
    """Encode and write atomically: afterwards ``path`` holds the old file or the new one.

    See Note [No fsync by default] for ``durable``.
    """
    try:
        data = encode_container(
            kind=kind,
            phase=phase,
            module=module,
            unit=unit,
            schema_version=schema_version,
            inputs=inputs,
            sections=sections,
        )
    except EncodeError as exc:
        raise WriteError(path, f"cannot encode: {exc}") from None
    try:
        atomic_write_bytes(path, data, durable=durable)
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from None


# ---------------------------------------------------------------------------
# Reading


class _Source:
    """Positional reads from an open file descriptor or from bytes in memory."""

    def __init__(self, path: Path | None, fd: int | None, data: bytes | None) -> None:
        self.path = path
        self._fd = fd
        self._data = data
        self.size = os.fstat(fd).st_size if fd is not None else len(data or b"")

    def read_at(self, offset: int, length: int) -> bytes:
        if self._data is not None:
            return self._data[offset : offset + length]
        if self._fd is None:
            raise FormatError(self.path, "read after close")
        chunks: list[bytes] = []
        while length > 0:
            try:
                chunk = os.pread(self._fd, length, offset)
            except OSError as exc:
                raise FormatError(self.path, f"cannot read: {exc.strerror or exc}") from None
            if not chunk:
                break
            chunks.append(chunk)
            offset += len(chunk)
            length -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class Container:
    """An opened container: header validated, sections read on demand.

    Use :func:`open_container` (a context manager) for files, or
    :meth:`Container.from_bytes` for data in memory.
    """

    def __init__(self, source: _Source, limits: ReadLimits) -> None:
        self._src = source
        self._limits = limits
        self.path = source.path
        self.version: tuple[int, int]
        self.header: FileHeader
        self.unknown_header_fields: tuple[str, ...] = ()
        self._data_start = 0
        self._read_header()

    @classmethod
    def from_bytes(cls, data: bytes, *, limits: ReadLimits = DEFAULT_LIMITS) -> Container:
        return cls(_Source(None, None, bytes(data)), limits)

    # -- errors -----------------------------------------------------------------

    def _corrupt(self, reason: str) -> CorruptFileError:
        return CorruptFileError(self.path, reason)

    # -- header -------------------------------------------------------------------

    def _read_header(self) -> None:
        size = self._src.size
        first = self._src.read_at(0, _FIRST_READ)
        if not first:
            raise self._corrupt("truncated: the file is empty")
        if first[: len(MAGIC)] != MAGIC[: len(first)]:
            raise NotAContainerError(self.path, "not an ifacedir container (bad magic bytes)")
        if len(first) < PREAMBLE_SIZE:
            raise self._corrupt(f"truncated: {size} bytes, shorter than the 16-byte preamble")
        _magic, major, minor, header_len = _PREAMBLE.unpack_from(first)
        if major != FORMAT_MAJOR:
            raise UnsupportedVersionError(
                self.path,
                f"format version {major}.{minor} cannot be read by this reader, which reads "
                f"version {FORMAT_MAJOR}.x (up to {FORMAT_MAJOR}.{FORMAT_MINOR})"
                + ("; upgrade ifacedir" if major > FORMAT_MAJOR else ""),
            )
        self.version = (major, minor)
        if header_len > self._limits.max_header_size:
            raise self._corrupt(
                f"header length {header_len} exceeds the limit of "
                f"{self._limits.max_header_size} bytes"
            )
        end = PREAMBLE_SIZE + header_len + FINGERPRINT_SIZE
        if end > size:
            raise self._corrupt(f"truncated: {size} bytes, but the header alone needs {end}")
        head = first[:end] if end <= len(first) else self._src.read_at(0, end)
        if len(head) != end:
            raise self._corrupt("truncated while reading the header")
        if fingerprint(head[: end - FINGERPRINT_SIZE]) != head[end - FINGERPRINT_SIZE :]:
            raise self._corrupt("header checksum mismatch (the preamble or header was altered)")
        try:
            raw = cbor.decode(head[PREAMBLE_SIZE : end - FINGERPRINT_SIZE], canonical=True)
        except cbor.CborError as exc:
            raise self._corrupt(f"header: {exc}") from None
        self.header = self._validate_header(raw)
        self._data_start = end
        self._check_layout()

    def _validate_header(self, raw: cbor.CborValue) -> FileHeader:
        if not isinstance(raw, dict):
            raise self._corrupt("header is not a CBOR map")
        known = set(FileHeader.model_fields)
        extra = sorted(set(raw) - known)
        if extra:
            if self.version[1] <= FORMAT_MINOR:
                raise self._corrupt(
                    f"unknown header fields {extra} in a version "
                    f"{self.version[0]}.{self.version[1]} file"
                )
            self.unknown_header_fields = tuple(extra)
            raw = {k: v for k, v in raw.items() if k in known}
        fields: dict[str, object] = dict(raw)
        table = fields.get("sections")
        if isinstance(table, list):
            fields["sections"] = [_strip_unknown(e, self.version) for e in table]
        try:
            return FileHeader.model_validate(fields)
        except pydantic.ValidationError as exc:
            raise self._corrupt(_first_error(exc)) from None

    def _check_layout(self) -> None:
        sections = self.header.sections
        if len(sections) > self._limits.max_sections:
            raise self._corrupt(
                f"{len(sections)} sections exceed the limit of {self._limits.max_sections}"
            )
        seen: set[str] = set()
        offset = 0
        for entry in sections:
            if entry.name in seen:
                raise self._corrupt(f"section {entry.name!r} appears twice")
            seen.add(entry.name)
            if entry.codec not in _KNOWN_CODECS and self.version[1] <= FORMAT_MINOR:
                # a codec is unknown only to an older reader (see the bump rule)
                raise self._corrupt(
                    f"section {entry.name!r}: unknown codec {entry.codec!r} in a version "
                    f"{self.version[0]}.{self.version[1]} file"
                )
            if entry.offset != offset:
                raise self._corrupt(
                    f"section {entry.name!r} starts at {entry.offset}, "
                    f"expected {offset} (sections must be contiguous)"
                )
            if entry.codec == Codec.CBOR and (
                entry.size != entry.raw_size or entry.hash != entry.raw_hash
            ):
                raise self._corrupt(
                    f"section {entry.name!r}: plain CBOR with differing stored and raw size or hash"
                )
            offset += entry.size
        expected = self._data_start + offset
        if self._src.size < expected:
            raise self._corrupt(f"truncated: {self._src.size} bytes, expected {expected}")
        if self._src.size > expected:
            raise self._corrupt(
                f"{self._src.size - expected} unexpected bytes after the "
                f"last section (expected {expected} bytes)"
            )

    # -- sections -----------------------------------------------------------------

    @property
    def section_names(self) -> list[str]:
        return [entry.name for entry in self.header.sections]

    def _entry(self, name: str) -> SectionEntry:
        entry = self.header.section(name)
        if entry is None:
            raise self._corrupt(f"no section {name!r} (sections: {self.section_names})")
        return entry

    def read_stored(self, name: str) -> bytes:
        """The section's bytes as stored, checked against its hash."""
        entry = self._entry(name)
        stored = self._src.read_at(self._data_start + entry.offset, entry.size)
        if len(stored) != entry.size:
            raise self._corrupt(f"section {name!r}: truncated")
        if fingerprint(stored) != entry.hash:
            raise self._corrupt(f"section {name!r}: checksum mismatch (the file was altered)")
        return stored

    def read_raw(self, name: str) -> bytes:
        """The section's canonical CBOR bytes (decompressed and checked)."""
        entry = self._entry(name)
        if entry.raw_size > self._limits.max_section_size:
            raise self._corrupt(
                f"section {name!r}: {entry.raw_size} bytes exceed the limit "
                f"of {self._limits.max_section_size}"
            )
        stored = self.read_stored(name)
        if entry.codec == Codec.CBOR:
            raw = stored
        elif entry.codec == Codec.CBOR_ZSTD:
            raw = self._unzstd(entry, stored)
        else:
            raise UnsupportedVersionError(
                self.path, f"section {name!r} uses codec {entry.codec!r}, unknown to this reader"
            )
        if fingerprint(raw) != entry.raw_hash:
            raise self._corrupt(f"section {name!r}: content hash mismatch")
        return raw

    def _unzstd(self, entry: SectionEntry, stored: bytes) -> bytes:
        try:
            declared = zstandard.frame_content_size(stored)
            if declared < 0:
                raise self._corrupt(f"section {entry.name!r}: zstd frame declares no content size")
            if declared != entry.raw_size:
                raise self._corrupt(
                    f"section {entry.name!r}: zstd frame declares {declared} "
                    f"bytes, the table {entry.raw_size}"
                )
            # The stored bytes must be exactly one frame: without allow_extra_data=False,
            # zstandard ignores whatever follows the first frame.
            raw = _zstd.decompressor.decompress(
                stored, max_output_size=entry.raw_size, allow_extra_data=False
            )
        except zstandard.ZstdError as exc:
            raise self._corrupt(f"section {entry.name!r}: bad zstd data: {exc}") from None
        if len(raw) != entry.raw_size:
            raise self._corrupt(
                f"section {entry.name!r}: decompressed to {len(raw)} bytes, "
                f"expected {entry.raw_size}"
            )
        return bytes(raw)

    def read_section(self, name: str, *, canonical: bool = False) -> cbor.CborValue:
        """Decode one section; ``canonical=True`` also checks its encoding is canonical."""
        raw = self.read_raw(name)
        try:
            return cbor.decode(raw, canonical=canonical)
        except cbor.CborError as exc:
            raise self._corrupt(f"section {name!r}: {exc}") from None

    def read_sections(self, known: Collection[str] | None = None) -> dict[str, cbor.CborValue]:
        """Decode all sections, or those in ``known``.

        With ``known``, a section outside it is skipped when the file has a newer minor
        version (a newer writer added it) and is corruption otherwise.
        """
        result: dict[str, cbor.CborValue] = {}
        for name in self.section_names:
            if known is not None and name not in known:
                if self.version[1] > FORMAT_MINOR:
                    continue
                raise self._corrupt(
                    f"unknown section {name!r} in a version "
                    f"{self.version[0]}.{self.version[1]} file"
                )
            result[name] = self.read_section(name)
        return result

    def verify(self) -> None:
        """Read every section, checking hashes, sizes and canonical encoding."""
        for name in self.section_names:
            entry = self._entry(name)
            if entry.codec not in _KNOWN_CODECS:  # only in newer-minor files: see _check_layout
                self.read_stored(name)  # a newer codec: check what we can
                continue
            self.read_section(name, canonical=True)

    def close(self) -> None:
        self._src.close()

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _strip_unknown(entry: object, version: tuple[int, int]) -> object:
    """Drop unknown keys of a section entry in a newer-minor file (see the bump rule)."""
    if not isinstance(entry, dict) or version[1] <= FORMAT_MINOR:
        return entry
    return {k: v for k, v in entry.items() if k in SectionEntry.model_fields}


@contextmanager
def open_container(path: Path | str, *, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Container]:
    """Open and validate a container file's header; the file is closed on exit."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FormatError(path, f"cannot open: {exc.strerror or exc}") from None
    source = _Source(path, fd, None)
    try:
        yield Container(source, limits)
    finally:
        source.close()


def read_header(path: Path | str, *, limits: ReadLimits = DEFAULT_LIMITS) -> FileHeader:
    """Validate and return a file's header without reading any section."""
    with open_container(path, limits=limits) as container:
        return container.header
