"""Interface directories: where each file of a module lives, and typed access to them.

::

    <outdir>/
      Data/Queue.hidir/        one directory per module (dots become folders)
        tc.ifc ds.ifc simpl.ifc   per-phase files; a phase not run is absent
        Queue.hi                 the final interface, what importers read
        Queue.hi-boot            interface of Data/Queue.hs-boot, if any
        ext/<tool>/...           files written by plugins and external tools

:class:`ModuleDir` names these files (:class:`FileRole`), writes them atomically
through the container layer, and reads them back checking that the header agrees
with the file's place: a ``tc.ifc`` must be a phase file of phase ``tc`` for the
module the directory is named after (a file copied into the wrong directory is an
error, not a silently wrong interface). :func:`scan_outdir` finds every module
directory below an output directory without reading any file.

Nothing outside a module's directory is needed to read it, so an install step
can copy the directories recursively.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Final

from ifacedir.errors import CorruptFileError, InvalidNameError, WriteError
from ifacedir.format.container import (
    DEFAULT_LIMITS,
    Container,
    ReadLimits,
    open_container,
    write_container,
)
from ifacedir.format.header import FileHeader, FileKind
from ifacedir.modulename import ModuleName
from ifacedir.util.atomic import is_temporary

__all__ = [
    "MODULE_DIR_SUFFIX",
    "PHASE_ROLES",
    "FileRole",
    "ModuleDir",
    "scan_outdir",
]

MODULE_DIR_SUFFIX: Final = ".hidir"
_TOOL_NAME: Final = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


class FileRole(Enum):
    """The files of a module directory, in pipeline order."""

    TC = ("tc", FileKind.PHASE)
    DS = ("ds", FileKind.PHASE)
    SIMPL = ("simpl", FileKind.PHASE)
    HI = ("hi", FileKind.INTERFACE)
    BOOT_HI = ("boot", FileKind.BOOT_INTERFACE)

    def __init__(self, tag: str, kind: FileKind) -> None:
        self.tag = tag
        self.kind = kind

    def filename(self, module: ModuleName) -> str:
        if self is FileRole.HI:
            return module.components[-1] + ".hi"
        if self is FileRole.BOOT_HI:
            # Named like GHC's, <Last>.hi-boot: a fixed "boot.hi" would be the same file
            # as Boot.hi of a module named Boot on case-insensitive file systems.
            return module.components[-1] + ".hi-boot"
        return self.tag + ".ifc"


PHASE_ROLES: Final = (FileRole.TC, FileRole.DS, FileRole.SIMPL)


@dataclass(frozen=True)
class ModuleDir:
    """The interface directory of one module below an output directory."""

    outdir: Path
    module: ModuleName

    @functools.cached_property
    def path(self) -> Path:
        return self.outdir / self.module.relpath(MODULE_DIR_SUFFIX)

    def file(self, role: FileRole) -> Path:
        # computed once per role: the driver's no-op check asks for thousands
        files: dict[FileRole, Path] = self.__dict__.setdefault("_files", {})
        found = files.get(role)
        if found is None:
            found = files[role] = self.path / role.filename(self.module)
        return found

    def ext_dir(self, tool: str) -> Path:
        """The directory where tool ``tool`` keeps its own files for this module."""
        if not _TOOL_NAME.fullmatch(tool):  # not match: '$' also matches before a final \n
            raise InvalidNameError(f"invalid tool name {tool!r}: use [a-z][a-z0-9_-]*")
        return self.path / "ext" / tool

    def present(self) -> list[FileRole]:
        """The roles whose files exist (not whether they are valid), in pipeline order."""
        try:
            names = set(os.listdir(self.path))
        except OSError:
            return []
        return [role for role in FileRole if role.filename(self.module) in names]

    def write(
        self,
        role: FileRole,
        *,
        unit: str,
        schema_version: int,
        inputs: Mapping[str, bytes],
        sections: Mapping[str, object],
        phase: str | None = None,
        durable: bool = False,
    ) -> Path:
        """Write one file atomically, creating the directory if needed.

        ``phase`` defaults to the role's own phase for phase files; for interfaces it
        says which phase last contributed (``tc`` for an interface written right after
        typechecking, ``simpl`` for the final one with unfoldings).
        """
        path = self.file(role)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteError(path, f"cannot create directory: {exc.strerror or exc}") from None
        write_container(
            path,
            kind=role.kind,
            phase=role.tag if role.kind is FileKind.PHASE else phase,
            module=self.module.text,
            unit=unit,
            schema_version=schema_version,
            inputs=inputs,
            sections=sections,
            durable=durable,
        )
        return path

    @contextmanager
    def open(self, role: FileRole, *, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Container]:
        """Open one file, checking that its header matches its place in the directory."""
        path = self.file(role)
        with open_container(path, limits=limits) as container:
            _check_identity(container.header, role, self.module, path)
            yield container

    def read_header(self, role: FileRole) -> FileHeader:
        with self.open(role) as container:
            return container.header


def _check_identity(header: FileHeader, role: FileRole, module: ModuleName, path: Path) -> None:
    expected_phase = role.tag if role.kind is FileKind.PHASE else header.phase
    if header.kind is not role.kind or header.phase != expected_phase:
        raise CorruptFileError(
            path,
            f"file holds a {header.kind.value} file of phase {header.phase}, but its name "
            f"says {role.kind.value}"
            + (f" of phase {role.tag}" if role.kind is FileKind.PHASE else ""),
        )
    if header.module != module.text:
        raise CorruptFileError(
            path, f"file belongs to module {header.module}, but lies in the directory of {module}"
        )


def scan_outdir(outdir: Path) -> list[ModuleDir]:
    """Every module directory below ``outdir``, sorted by module name.

    Walks directories only (never opens a file); does not descend into module
    directories, and skips directories whose path is not a valid module name.
    """
    found: list[ModuleDir] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(outdir, ())]
    while stack:
        directory, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if is_temporary(entry.name) or not entry.is_dir(follow_symlinks=False):
                continue
            if entry.name.endswith(MODULE_DIR_SUFFIX):
                name = ".".join((*prefix, entry.name[: -len(MODULE_DIR_SUFFIX)]))
                with suppress(InvalidNameError):
                    found.append(ModuleDir(outdir, ModuleName(name)))
            elif not entry.name.startswith("."):
                stack.append((Path(entry.path), (*prefix, entry.name)))
    return sorted(found, key=lambda d: d.module)
