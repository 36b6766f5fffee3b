"""The ``ds`` and ``simpl`` phase files: a module's Core, desugared or simplified.

spec/FORMAT.md §15 is normative. Both are containers of kind ``phase`` (phase ``ds``
or ``simpl``) in the module's directory, ``<outdir>/A/B.hidir/ds.ifc``, with two
sections:

* ``meta``: a :class:`~ifacedir.iface.model.CoreMeta` (module, package, schema
  version, phase, codec version, the ``-O`` level, the source file's name, the modules
  below);
* ``core``: the ``CoreModule`` (ifacedir.syntax.core), a tree of the syntax codec.

The header's ``inputs`` say what the file was computed from (Note [Inputs of Core
files]), so the driver can tell from headers alone whether it is up to date.

Note [Inputs of Core files]
~~~~~~~~~~~~~~~~~~~~~~~~~~~
* ``ds``: ``tc``, the fingerprint of the module's own ``tc`` file (every section's
  ``raw_hash``, hashed; ifacedir.iface.sections); ``flags``, the hash of the options
  that affect desugaring (none yet: the empty map); ``import:<M>`` for every module
  below whose interface the desugarer read (instances, classes, constructors): the
  ``raw_hash`` of M's ``interface`` section.
* ``simpl``: ``ds``, the ``raw_hash`` of the ``ds`` file's ``core`` section;
  ``flags``, the hash of ``{"optimise": n}``; at ``-O1`` also ``unfold:<M>``, the
  ``raw_hash`` of the ``unfoldings`` section of M's ``.hi``, for every module below.
  An optimisation flag changes ``simpl``'s inputs, never ``tc``'s or ``ds``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ifacedir.errors import CorruptFileError, EncodeError, WriteError
from ifacedir.format.container import Container, encode_container, open_container
from ifacedir.format.header import FileKind
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.model import CORE_SCHEMA_VERSION, CoreMeta, CorePhase
from ifacedir.iface.sections import check_header, decode_meta, decode_tree_section, write_file
from ifacedir.modulename import ModuleName
from ifacedir.syntax.codec import CODEC_VERSION, encode_tree
from ifacedir.syntax.core import CoreModule

__all__ = [
    "CORE_SECTION",
    "META_SECTION",
    "CoreFile",
    "CorePayload",
    "core_meta",
    "encode_core",
    "open_core",
    "read_core",
    "write_core",
]

META_SECTION: Final = "meta"
CORE_SECTION: Final = "core"
_ROLES: Final = {CorePhase.DS: FileRole.DS, CorePhase.SIMPL: FileRole.SIMPL}


@dataclass(frozen=True, slots=True)
class CorePayload:
    """Everything a ``ds`` or ``simpl`` file holds besides its header."""

    meta: CoreMeta
    core: CoreModule


def core_meta(
    core: CoreModule,
    phase: CorePhase,
    source: str,
    deps: list[str],
    optimisation: int = 0,
    loop: list[str] | None = None,
    unfoldable: dict[str, list[str]] | None = None,
) -> CoreMeta:
    return CoreMeta(
        module=core.module,
        package=core.package,
        schema_version=CORE_SCHEMA_VERSION,
        phase=phase,
        codec_version=CODEC_VERSION,
        optimisation=optimisation,
        source=source,
        deps=sorted(deps),
        loop=sorted(loop or []),
        unfoldable={m: sorted(set(v)) for m, v in sorted((unfoldable or {}).items())},
    )


def encode_core(payload: CorePayload, inputs: dict[str, bytes]) -> bytes:
    """The bytes of the file (pure: same payload and inputs, same bytes)."""
    meta, core = payload.meta, payload.core
    if (core.module, core.package) != (meta.module, meta.package):
        raise EncodeError(f"the Core of {core.module} in the {meta.phase} file of {meta.module}")
    return encode_container(
        kind=FileKind.PHASE,
        phase=meta.phase.value,
        module=meta.module,
        unit=meta.package,
        schema_version=CORE_SCHEMA_VERSION,
        inputs=inputs,
        sections={META_SECTION: meta.model_dump(mode="json"), CORE_SECTION: encode_tree(core)},
    )


def write_core(outdir: Path, payload: CorePayload, inputs: dict[str, bytes]) -> Path:
    """Write ``<outdir>/<module dir>/<phase>.ifc`` atomically; returns its path."""
    name = ModuleName(payload.meta.module)
    path = ModuleDir(outdir, name).file(_ROLES[payload.meta.phase])
    try:
        data = encode_core(payload, inputs)
    except EncodeError as exc:
        raise WriteError(path, f"cannot encode: {exc}") from None
    return write_file(path, data)


class CoreFile:
    """An opened ``ds`` or ``simpl`` file: header checked, sections read on demand."""

    def __init__(self, container: Container, phase: CorePhase) -> None:
        self._container = container
        self.path = container.path
        self.header = container.header
        self.phase = phase
        check_header(self.header, self.path, FileKind.PHASE, phase.value, CORE_SCHEMA_VERSION)
        self._meta: CoreMeta | None = None

    def meta(self) -> CoreMeta:
        if self._meta is None:
            meta = decode_meta(self._container, CoreMeta)
            if meta.phase is not self.phase:
                raise CorruptFileError(self.path, f"section 'meta' says phase {meta.phase}")
            self._meta = meta
        return self._meta

    def core(self) -> CoreModule:
        meta = self.meta()
        core = decode_tree_section(self._container, CORE_SECTION, meta.codec_version, CoreModule)
        if (core.module, core.package) != (meta.module, meta.package):
            raise CorruptFileError(self.path, f"section 'core' holds module {core.module}")
        return core

    def payload(self) -> CorePayload:
        return CorePayload(self.meta(), self.core())


@contextmanager
def open_core(src: Path | ModuleDir, phase: CorePhase) -> Iterator[CoreFile]:
    """Open a ``ds`` or ``simpl`` file by path, or in a module directory."""
    if isinstance(src, ModuleDir):
        with src.open(_ROLES[phase]) as container:
            yield CoreFile(container, phase)
    else:
        with open_container(src) as container:
            yield CoreFile(container, phase)


def read_core(src: Path | ModuleDir, phase: CorePhase) -> CorePayload:
    """Read and check a whole ``ds`` or ``simpl`` file."""
    with open_core(src, phase) as f:
        return f.payload()
