"""What ``ifacedir inspect`` and ``ifacedir verify`` report, as data.

The CLI only renders these models (as text or JSON); building them lives here so
that tools can call the library directly and get the same answers.
``schemas/inspect.schema.json`` and ``schemas/verify.schema.json`` are generated
from :class:`InspectReport` and :class:`VerifyReport`.

A target is one of:

* a container file: reported on its own;
* a module directory (``Queue.hidir``): each file in it, each checked against
  its place (see ModuleDir.open);
* any other directory: treated as an output directory, every module directory
  below it (found by :func:`scan_outdir`) in module-name order.

Every failure becomes an ``error`` entry in the report, never an exception, so one
bad file does not hide the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, JsonValue

from ifacedir.errors import (
    CorruptFileError,
    FormatError,
    NotAContainerError,
    UnsupportedVersionError,
)
from ifacedir.format.container import Container, open_container
from ifacedir.format.header import FileHeader
from ifacedir.format.jsonview import to_json_value
from ifacedir.format.layout import MODULE_DIR_SUFFIX, ModuleDir, scan_outdir
from ifacedir.modulename import ModuleName
from ifacedir.util.atomic import is_temporary

__all__ = [
    "FileError",
    "FileReport",
    "InspectReport",
    "SectionReport",
    "VerifyEntry",
    "VerifyReport",
    "inspect_path",
    "verify_paths",
]

ErrorKind = Literal["not-a-container", "corrupt", "unsupported-version", "unreadable"]
_CONFIG = ConfigDict(frozen=True, extra="forbid", ser_json_bytes="hex")


class FileError(BaseModel):
    model_config = _CONFIG
    kind: ErrorKind
    message: str


class SectionReport(BaseModel):
    """One section: its table row, and its decoded value when it was asked for."""

    model_config = _CONFIG
    name: str
    codec: str
    size: int
    raw_size: int
    hash: str
    raw_hash: str
    value: JsonValue = None
    error: FileError | None = None


class FileReport(BaseModel):
    """One container file. ``path`` is relative to the inspected target (POSIX form)."""

    model_config = _CONFIG
    path: str
    module: str | None
    role: str | None
    size: int | None
    version: str | None
    header: FileHeader | None
    unknown_header_fields: list[str]
    sections: list[SectionReport]
    error: FileError | None


class InspectReport(BaseModel):
    model_config = _CONFIG
    target: str
    target_kind: Literal["file", "module-dir", "outdir"]
    files: list[FileReport]
    stale_temporaries: list[str]


class VerifyEntry(BaseModel):
    model_config = _CONFIG
    path: str
    error: FileError | None


class VerifyReport(BaseModel):
    model_config = _CONFIG
    checked: int
    bad: int
    files: list[VerifyEntry]
    stale_temporaries: list[str]


def _classify(exc: FormatError) -> FileError:
    kind: ErrorKind = "unreadable"
    if isinstance(exc, NotAContainerError):
        kind = "not-a-container"
    elif isinstance(exc, CorruptFileError):
        kind = "corrupt"
    elif isinstance(exc, UnsupportedVersionError):
        kind = "unsupported-version"
    return FileError(kind=kind, message=exc.reason)


Opener = Callable[[], AbstractContextManager[Container]]


def _report_file(
    opener: Opener,
    *,
    path: str,
    module: str | None,
    role: str | None,
    size: int | None,
    payload: bool,
    only: Sequence[str],
) -> FileReport:
    fields: dict[str, object] = dict(
        path=path, module=module, role=role, size=size, version=None, header=None,
        unknown_header_fields=[], sections=[], error=None,
    )  # fmt: skip
    try:
        with opener() as container:
            fields["version"] = f"{container.version[0]}.{container.version[1]}"
            fields["header"] = container.header
            fields["unknown_header_fields"] = list(container.unknown_header_fields)
            fields["sections"] = [
                _report_section(container, entry.name, payload and (not only or entry.name in only))
                for entry in container.header.sections
            ]
            missing = [name for name in only if container.header.section(name) is None]
            if missing:
                raise CorruptFileError(container.path, f"no section named {missing[0]!r}")
    except FormatError as exc:
        fields["error"] = _classify(exc)
    return FileReport.model_validate(fields)


def _report_section(container: Container, name: str, decode: bool) -> SectionReport:
    entry = container.header.section(name)
    assert entry is not None
    value: JsonValue = None
    error: FileError | None = None
    if decode:
        try:
            value = to_json_value(container.read_section(name))
        except FormatError as exc:
            error = _classify(exc)
    return SectionReport(
        name=name, codec=entry.codec, size=entry.size, raw_size=entry.raw_size,
        hash=entry.hash.hex(), raw_hash=entry.raw_hash.hex(), value=value, error=error,
    )  # fmt: skip


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _stale(directory: Path, root: Path) -> list[str]:
    found: list[str] = []
    for dirpath, _dirs, names in os.walk(directory):
        found.extend(
            Path(dirpath, n).relative_to(root).as_posix() for n in names if is_temporary(n)
        )
    return sorted(found)


def _module_dir_of(path: Path) -> ModuleDir | None:
    """Recover (outdir, module) for a directory named like ``.../Data/Queue.hidir``.

    The module name is read from the first file that says it, and accepted only if
    it matches the path's tail; otherwise the directory is inspected file by file.
    """
    for entry in sorted(path.iterdir()) if path.is_dir() else []:
        if entry.suffix not in (".ifc", ".hi") or is_temporary(entry.name):
            continue
        try:
            with open_container(entry) as container:
                claimed = container.header.module
        except FormatError:
            continue
        if claimed is None:
            continue
        try:
            module = ModuleName(claimed)
        except ValueError:
            continue
        tail = module.relpath(MODULE_DIR_SUFFIX).parts
        here = path.absolute()
        if here.parts[-len(tail) :] == tail:
            return ModuleDir(here.parents[len(tail) - 1], module)
    return None


def _module_files(
    mdir: ModuleDir, base: Path, payload: bool, only: Sequence[str]
) -> Iterator[FileReport]:
    for role in mdir.present():
        file = mdir.file(role)
        yield _report_file(
            partial(mdir.open, role),
            path=file.absolute().relative_to(base.absolute()).as_posix(),
            module=mdir.module.text,
            role=role.tag,
            size=_size(file),
            payload=payload,
            only=only,
        )


def inspect_path(
    path: Path, *, payload: bool = True, sections: Sequence[str] = ()
) -> InspectReport:
    """Inspect a file, a module directory or an output directory (see the module doc)."""
    if not path.is_dir():
        report = _report_file(
            partial(open_container, path), path=str(path), module=None, role=None,
            size=_size(path), payload=payload, only=sections,
        )  # fmt: skip
        return InspectReport(target=str(path), target_kind="file", files=[report],
                             stale_temporaries=[])  # fmt: skip
    if path.absolute().name.endswith(MODULE_DIR_SUFFIX):
        mdir = _module_dir_of(path)
        if mdir is not None:
            files = list(_module_files(mdir, path, payload, sections))
        else:
            files = [
                _report_file(
                    partial(open_container, f), path=f.name, module=None, role=None,
                    size=_size(f), payload=payload, only=sections,
                )
                for f in sorted(path.iterdir())
                if f.is_file() and f.suffix in (".ifc", ".hi") and not is_temporary(f.name)
            ]  # fmt: skip
        return InspectReport(target=str(path), target_kind="module-dir", files=files,
                             stale_temporaries=_stale(path, path))  # fmt: skip
    files = [
        report
        for mdir in scan_outdir(path)
        for report in _module_files(mdir, path, payload, sections)
    ]
    return InspectReport(target=str(path), target_kind="outdir", files=files,
                         stale_temporaries=_stale(path, path))  # fmt: skip


def _verify_one(opener: Opener) -> FileError | None:
    try:
        with opener() as container:
            container.verify()
    except FormatError as exc:
        return _classify(exc)
    return None


def _candidates(root: Path) -> Iterator[tuple[Path, Opener]]:
    """Container files below ``root``: module-directory files are checked against their place."""
    claimed: set[Path] = set()
    for mdir in scan_outdir(root):
        for role in mdir.present():
            claimed.add(mdir.file(role))
            yield mdir.file(role), partial(mdir.open, role)
    for dirpath, _dirs, names in os.walk(root):
        for name in sorted(names):
            file = Path(dirpath, name)
            if file in claimed or is_temporary(name):
                continue
            if file.suffix in (".ifc", ".hi") or name == "package.cbor":
                yield file, partial(open_container, file)


def verify_paths(paths: Sequence[Path]) -> VerifyReport:
    """Fully check every container file named or found below the given paths."""
    entries: list[VerifyEntry] = []
    stale: list[str] = []
    for target in paths:
        if target.is_dir():
            for file, opener in sorted(_candidates(target), key=lambda c: c[0]):
                entries.append(VerifyEntry(path=str(file), error=_verify_one(opener)))
            stale.extend(str(Path(target, s)) for s in _stale(target, target))
        else:
            error = _verify_one(partial(open_container, target))
            entries.append(VerifyEntry(path=str(target), error=error))
    bad = sum(1 for e in entries if e.error is not None)
    return VerifyReport(checked=len(entries), bad=bad, files=entries, stale_temporaries=stale)
