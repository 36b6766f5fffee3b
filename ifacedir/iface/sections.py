"""What every phase file's reader and writer share: tree sections, ``meta``, writing.

The ``ds``, ``simpl`` and ``.hi`` files (spec/FORMAT.md §15-§16) are containers like
the ``tc`` file: a pydantic-validated ``meta`` section and tree sections written by the
syntax codec. This module holds the steps they have in common:

* ``decode_tree``: read one tree section, check its codec version and the class of
  its root (a file cannot pass off one kind of tree as another);
* ``decode_meta``: validate the ``meta`` section against its model and the header;
* ``write_file``: write encoded bytes atomically into a module directory, unless the
  file already holds exactly these bytes (its modification time then says when its
  content last changed, as for ``tc`` files);
* ``sections_fingerprint``: one hash of every section's ``raw_hash``, in table order:
  what a later phase records as the input it was built from, computable from the
  header alone.

Every failure on a bad file is a ``FormatError`` subclass naming the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

import pydantic

from ifacedir.errors import CodecError, CorruptFileError, UnsupportedVersionError, WriteError
from ifacedir.format.container import Container
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.header import FileHeader
from ifacedir.syntax.codec import decode_tree
from ifacedir.util.atomic import atomic_write_bytes

__all__ = [
    "check_header",
    "decode_meta",
    "decode_tree_section",
    "section_fingerprint",
    "sections_fingerprint",
    "write_file",
]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=pydantic.BaseModel)


def check_header(
    header: FileHeader, path: Path | None, kind: object, phase: str | None, schema: int
) -> None:
    """The header names the expected kind, phase and payload schema version."""
    if header.kind is not kind or header.phase != phase:
        raise CorruptFileError(
            path, f"not a {phase or kind} file: a {header.kind.value} file of phase {header.phase}"
        )
    if header.schema_version != schema:
        raise UnsupportedVersionError(
            path,
            f"{phase or 'interface'} payload schema version {header.schema_version}, "
            f"this reader reads version {schema}",
        )


def decode_meta(container: Container, model: type[_M], section: str = "meta") -> _M:
    """The ``meta`` section, validated, and checked to be about the header's module."""
    raw = container.read_section(section)
    try:
        meta = model.model_validate(raw)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CorruptFileError(
            container.path, f"section {section!r}: invalid field {where}: {first['msg']}"
        ) from None
    header = container.header
    mine: tuple[Any, ...] = (
        getattr(meta, "module", None),
        getattr(meta, "package", None),
        getattr(meta, "schema_version", None),
    )
    theirs = (header.module, header.unit, header.schema_version)
    if mine != theirs:
        raise CorruptFileError(
            container.path, f"section {section!r} says {mine}, the header {theirs}"
        )
    return meta


def decode_tree_section(container: Container, name: str, codec_version: int, cls: type[_T]) -> _T:
    """Section ``name`` decoded by the syntax codec; its root must be a ``cls``."""
    path = container.path
    if container.header.section(name) is None:
        raise CorruptFileError(path, f"section {name!r} is missing")
    value = container.read_section(name)
    if not (isinstance(value, list) and value and value[0] == codec_version):
        raise CodecError(
            f"section {name!r} is not a syntax tree of codec version {codec_version}", path
        )
    try:
        root = decode_tree(value)
    except CodecError as exc:
        raise CodecError(f"section {name!r}: {exc.reason}", path) from None
    if type(root) is not cls:
        raise CodecError(
            f"section {name!r} holds a {type(root).__name__}, expected {cls.__name__}", path
        )
    return root


def section_fingerprint(header: FileHeader, name: str) -> bytes | None:
    """The ``raw_hash`` of one section, from the header alone."""
    entry = header.section(name)
    return None if entry is None else entry.raw_hash


def sections_fingerprint(header: FileHeader) -> bytes:
    """One hash of all sections' contents (see the module docstring)."""
    return fingerprint(b"".join(s.raw_hash for s in header.sections))


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (creating the directory) unless it already
    holds exactly these bytes. Raises WriteError; nothing is left half-written."""
    try:
        if os.stat(path).st_size == len(data) and path.read_bytes() == data:
            return path
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from None
    return path
