"""The final interface, ``<Last>.hi``: what importers read once a module is compiled.

spec/FORMAT.md §16 is normative. A container of kind ``interface`` with sections:

* ``meta``: a :class:`~ifacedir.iface.model.HiMeta`;
* ``exports``: the module's ``ModuleExports`` (what importers' renamers need);
* ``interface``: its ``TcInterface`` (what importers' typecheckers and desugarers
  need: types, classes, instances, fixities);
* ``unfoldings``: the ``Unfoldings`` importers' simplifiers may inline (empty at
  ``-O0``; ifacedir.simplify).

Each is read only when asked for. The sections are copies of what the ``tc`` and
``simpl`` files hold, so an installed package needs only its ``.hi`` files to be
imported, and the inputs (``tc``, ``simpl``: the fingerprints of those files) say
which versions they are copies of.
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
from ifacedir.iface.model import HI_SCHEMA_VERSION, HiMeta
from ifacedir.iface.sections import check_header, decode_meta, decode_tree_section, write_file
from ifacedir.modulename import ModuleName
from ifacedir.rename.env import ModuleExports
from ifacedir.syntax.codec import CODEC_VERSION, encode_tree
from ifacedir.syntax.core import Unfoldings
from ifacedir.typecheck.iface import TcInterface

__all__ = [
    "EXPORTS_SECTION",
    "INTERFACE_SECTION",
    "UNFOLDINGS_SECTION",
    "HiFile",
    "HiPayload",
    "encode_hi",
    "hi_meta",
    "open_hi",
    "read_hi",
    "write_hi",
]

META_SECTION: Final = "meta"
EXPORTS_SECTION: Final = "exports"
INTERFACE_SECTION: Final = "interface"
UNFOLDINGS_SECTION: Final = "unfoldings"


@dataclass(frozen=True, slots=True)
class HiPayload:
    meta: HiMeta
    exports: ModuleExports
    interface: TcInterface
    unfoldings: Unfoldings


def hi_meta(
    module: str,
    package: str,
    deps: list[str],
    optimisation: int,
    entry: str | None,
    unfolding_hashes: dict[str, str] | None = None,
) -> HiMeta:
    return HiMeta(
        unfolding_hashes=dict(sorted((unfolding_hashes or {}).items())),
        module=module,
        package=package,
        schema_version=HI_SCHEMA_VERSION,
        codec_version=CODEC_VERSION,
        optimisation=optimisation,
        deps=sorted(deps),
        entry=entry,
    )


def encode_hi(payload: HiPayload, inputs: dict[str, bytes]) -> bytes:
    meta = payload.meta
    for what, module in (
        ("exports", payload.exports.module),
        ("interface", payload.interface.module),
        ("unfoldings", payload.unfoldings.module),
    ):
        if module != meta.module:
            raise EncodeError(f"the {what} of {module} in the .hi of {meta.module}")
    return encode_container(
        kind=FileKind.INTERFACE,
        phase=None,
        module=meta.module,
        unit=meta.package,
        schema_version=HI_SCHEMA_VERSION,
        inputs=inputs,
        sections={
            META_SECTION: meta.model_dump(mode="json"),
            EXPORTS_SECTION: encode_tree(payload.exports),
            INTERFACE_SECTION: encode_tree(payload.interface),
            UNFOLDINGS_SECTION: encode_tree(payload.unfoldings),
        },
    )


def write_hi(outdir: Path, payload: HiPayload, inputs: dict[str, bytes]) -> Path:
    name = ModuleName(payload.meta.module)
    path = ModuleDir(outdir, name).file(FileRole.HI)
    try:
        data = encode_hi(payload, inputs)
    except EncodeError as exc:
        raise WriteError(path, f"cannot encode: {exc}") from None
    return write_file(path, data)


class HiFile:
    """An opened ``.hi``: header checked, each section decoded when first asked for."""

    def __init__(self, container: Container) -> None:
        self._container = container
        self.path = container.path
        self.header = container.header
        check_header(self.header, self.path, FileKind.INTERFACE, None, HI_SCHEMA_VERSION)
        self._meta: HiMeta | None = None

    def meta(self) -> HiMeta:
        if self._meta is None:
            self._meta = decode_meta(self._container, HiMeta)
        return self._meta

    def _about_me(self, what: str, module: str) -> None:
        if module != self.meta().module:
            raise CorruptFileError(self.path, f"section {what!r} is about module {module}")

    def exports(self) -> ModuleExports:
        v = decode_tree_section(
            self._container, EXPORTS_SECTION, self.meta().codec_version, ModuleExports
        )
        self._about_me(EXPORTS_SECTION, v.module)
        return v

    def interface(self) -> TcInterface:
        v = decode_tree_section(
            self._container, INTERFACE_SECTION, self.meta().codec_version, TcInterface
        )
        self._about_me(INTERFACE_SECTION, v.module)
        return v

    def unfoldings(self) -> Unfoldings:
        v = decode_tree_section(
            self._container, UNFOLDINGS_SECTION, self.meta().codec_version, Unfoldings
        )
        self._about_me(UNFOLDINGS_SECTION, v.module)
        return v

    def payload(self) -> HiPayload:
        return HiPayload(self.meta(), self.exports(), self.interface(), self.unfoldings())


@contextmanager
def open_hi(src: Path | ModuleDir) -> Iterator[HiFile]:
    if isinstance(src, ModuleDir):
        with src.open(FileRole.HI) as container:
            yield HiFile(container)
    else:
        with open_container(src) as container:
            yield HiFile(container)


def read_hi(src: Path | ModuleDir) -> HiPayload:
    with open_hi(src) as f:
        return f.payload()
