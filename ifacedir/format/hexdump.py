"""An annotated hex dump of a container: every byte with what it means.

Used by ``ifacedir inspect --hex`` and to produce the worked example in
spec/FORMAT.md (a test regenerates it and compares, so the spec cannot drift from
the code). The header and any plain-CBOR section are broken into CBOR items, one
line each (``map(7)``, ``text "kind"``, ``bytes(16)``...); zstd sections are shown
as raw bytes.

This is a display tool for files that already passed the reader's checks; it
trusts the structure it walks only after :class:`Container` validated it.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from ifacedir.format.container import PREAMBLE_SIZE, Container
from ifacedir.format.fingerprint import FINGERPRINT_SIZE
from ifacedir.format.header import Codec

__all__ = ["annotated_hexdump"]

_BYTES_PER_ROW = 8
_MAJOR_NAMES = ("uint", "nint", "bytes", "text", "array", "map", "tag", "simple")


def _rows(offset: int, data: bytes, note: str) -> Iterator[str]:
    """Hex rows of at most 8 bytes; the note goes on the first row."""
    for start in range(0, max(len(data), 1), _BYTES_PER_ROW):
        chunk = data[start : start + _BYTES_PER_ROW]
        text = " ".join(f"{b:02x}" for b in chunk)
        yield f"{offset + start:08x}  {text:<23}  {note if start == 0 else ''}".rstrip()


def _cbor_items(data: bytes, base: int) -> Iterator[str]:
    """One annotated row group per CBOR item head (with its string payload)."""
    pos = 0
    depth_stack: list[int] = []  # items still expected at each open container level
    while pos < len(data):
        indent = "  " * len(depth_stack)
        initial = data[pos]
        major, info = initial >> 5, initial & 0x1F
        head_len = 1 + {24: 1, 25: 2, 26: 4, 27: 8}.get(info, 0)
        arg = info if info < 24 else int.from_bytes(data[pos + 1 : pos + head_len], "big")
        if major == 7 and info in (25, 26, 27):
            fmt = {25: ">e", 26: ">f", 27: ">d"}[info]
            desc = f"float {struct.unpack(fmt, data[pos + 1 : pos + head_len])[0]!r}"
        elif major == 7:
            desc = {20: "false", 21: "true", 22: "null"}.get(info, f"simple({info})")
        elif major in (2, 3):
            payload = data[pos + head_len : pos + head_len + arg]
            desc = f'text "{payload.decode("utf-8", "replace")}"' if major == 3 else f"bytes({arg})"
            head_len += arg
        elif major == 0:
            desc = f"uint {arg}"
        elif major == 1:
            desc = f"nint {-1 - arg}"
        else:
            desc = f"{_MAJOR_NAMES[major]}({arg})"
        yield from _rows(base + pos, data[pos : pos + head_len], indent + desc)
        pos += head_len
        if depth_stack:
            depth_stack[-1] -= 1
        if major in (4, 5) and arg:
            depth_stack.append(arg * (2 if major == 5 else 1))
        elif major == 6:
            depth_stack.append(1)
        while depth_stack and depth_stack[-1] == 0:
            depth_stack.pop()


def annotated_hexdump(container: Container, data: bytes) -> Iterator[str]:
    """Annotate ``data``, the complete bytes of the already opened ``container``."""
    major, minor = container.version
    header_len = int.from_bytes(data[12:16], "big")
    yield from _rows(0, data[:8], 'magic "\\x89IFD\\r\\n\\x1a\\n"')
    yield from _rows(8, data[8:10], f"major version {major}")
    yield from _rows(10, data[10:12], f"minor version {minor}")
    yield from _rows(12, data[12:16], f"header length {header_len}")
    yield f"          -- header: canonical CBOR, {header_len} bytes"
    yield from _cbor_items(data[PREAMBLE_SIZE : PREAMBLE_SIZE + header_len], PREAMBLE_SIZE)
    at = PREAMBLE_SIZE + header_len
    yield from _rows(
        at, data[at : at + FINGERPRINT_SIZE], f"header checksum: BLAKE2b-128 of bytes [0, {at})"
    )
    start = at + FINGERPRINT_SIZE
    for entry in container.header.sections:
        where = start + entry.offset
        blob = data[where : where + entry.size]
        yield f"          -- section {entry.name!r}: {entry.codec}, {entry.size} bytes"
        if entry.codec == Codec.CBOR:
            yield from _cbor_items(blob, where)
        else:
            yield from _rows(where, blob, f"zstd frame ({entry.raw_size} bytes raw)")
