"""The ``tc`` phase file: the front end's result, persisted so later phases resume from it.

spec/FORMAT.md §13 is normative. A ``tc`` file is a container (kind ``phase``, phase
``tc``) in the module's directory, ``<outdir>/A/B.hidir/tc.ifc``, with these sections:

* ``meta``: a :class:`~ifacedir.iface.model.TcMeta` map: module, package, schema
  version, which pass wrote it (``stage``), the source file's name as in spans, the
  direct imports and every module below, and the class of each tree section's root;
* ``exports``: the module's ``ModuleExports`` (what importers' renamers read), a tree
  of the syntax codec (ifacedir.syntax.codec);
* ``program``: for stage ``rename``, the renamer's ``RenamedModule`` (the renamed
  tree, resolved imports, declared fixities); for stage ``typecheck``, the
  typechecker's ``TcResult`` (the typed tree ``Module[TcName]``, every top-level
  scheme, the witnesses of syntax); either *without* what another section holds, see
  Note [The program leaves its exports out];
* ``interface`` (stage ``typecheck`` only): the ``TcInterface``, what importers'
  typecheckers read.

The header's ``inputs`` are the file's fingerprints (see Note [Inputs of a tc file]).

Writing (:func:`write_tc`): build the payload (:func:`tc_payload` from a
``RenamedModule`` and, after typechecking, its ``TcResult``), encode every section
(trees through the syntax codec, ``meta`` as a plain map), frame the container, and
write it atomically into the module's directory, unless the file already holds
exactly these bytes (then it is left untouched, so its modification time says when
its content last changed).

Reading (:func:`open_tc`, :func:`read_tc`): opening validates the container header and
checks that it is a ``tc`` file of this schema version; each section is then read,
checked and decoded only when asked for, so an importer that wants the exports never
decompresses the program (Note [Lazy sections] in ifacedir.format.container). Every
failure on a bad file is a ``FormatError`` subclass naming the file and the check
that failed: ``CorruptFileError`` (``CodecError`` for a malformed tree),
``UnsupportedVersionError`` for another payload schema version, ``NotAContainerError``.

Note [Inputs of a tc file]
~~~~~~~~~~~~~~~~~~~~~~~~~~
The header's ``inputs`` name everything the file was computed from, so that the
driver can decide "up to date" from headers alone:

* ``source``: BLAKE2b-128 of the module's source bytes. Sources are read as strict
  UTF-8 (ifacedir.parse.source), so this is also the hash of the text's UTF-8
  encoding, which is how it is computed here.
* ``flags``: BLAKE2b-128 of the canonical CBOR map of the options that affect the
  front end. No option does yet, so it is the hash of the empty map (``a0``); an
  option added later joins the map only if it changes what this phase computes
  (DESIGN: an optimisation flag must not invalidate ``tc``).
* ``import:<M>``, for every module ``M`` imported directly (the implicit Prelude
  included): the fingerprint of ``M``'s interface as this module saw it
  (:func:`interface_fingerprint`): for a stage ``rename`` file, the ``raw_hash`` of the
  ``exports`` section of ``M``'s ``tc`` file (BLAKE2b-128 of its canonical CBOR); for a
  stage ``typecheck`` file, BLAKE2b-128 of that ``raw_hash`` followed by the
  ``raw_hash`` of ``M``'s ``interface`` section. Either is computable from ``M``'s
  header alone, and in memory without writing ``M``'s file (base modules are not
  written, see Note [What check writes] in cli.check). Module names
  may hold non-ASCII letters, which input names may not: those characters are
  written as Python ``\\x``/``\\u``/``\\U`` escapes (a module name never holds a
  backslash, so this is unambiguous). Per-entity *usages* (which exported entities the
  module actually used, each with its own fingerprint) are the driver issue's: they
  will be further inputs, ``use:<M>.<entity>``, so that an edit to an unused export
  of ``M`` does not invalidate this file.

Source positions are inside the ``program`` section only, never in ``exports`` or
``interface``, so an edit that shifts lines changes this module's ``source`` input but
no importer's ``import:`` input.

Note [The program leaves its exports out]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
A ``RenamedModule`` holds the module's ``ModuleExports``, which the ``exports``
section holds too (it must stand alone: importers read it without the program). To
store them once, the ``program`` section holds the ``RenamedModule`` with its exports
replaced by an empty stub ``ModuleExports(module, package, ())``, and the reader puts
the ``exports`` section's value back. A ``TcResult`` likewise holds its
``TcInterface``, stored in ``interface`` and replaced in ``program`` by the stub
``TcInterface(module, package, (), ...)``; its ``diagnostics`` are always empty (a
module with type errors is not written). The reader checks each stub is exactly that,
so a file cannot carry two different versions of one thing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

import pydantic

from ifacedir.errors import (
    CodecError,
    CorruptFileError,
    EncodeError,
    UnsupportedVersionError,
    WriteError,
)
from ifacedir.format import cbor
from ifacedir.format.container import Container, encode_container, open_container
from ifacedir.format.fingerprint import fingerprint
from ifacedir.format.header import FileHeader, FileKind
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.fingerprints import ModuleFingerprints, Usages
from ifacedir.iface.model import TC_SCHEMA_VERSION, TcImport, TcMeta, TcStage
from ifacedir.iface.sections import write_file
from ifacedir.modulename import ModuleName
from ifacedir.rename.env import ModuleExports
from ifacedir.rename.rename import RenamedModule
from ifacedir.syntax.codec import CODEC_VERSION, decode_tree, encode_tree

if TYPE_CHECKING:
    from ifacedir.typecheck.iface import TcInterface
    from ifacedir.typecheck.typecheck import TcResult

__all__ = [
    "EXPORTS_SECTION",
    "FINGERPRINTS_SECTION",
    "FLAGS_INPUT",
    "INTERFACE_SECTION",
    "META_SECTION",
    "PROGRAM_SECTION",
    "SOURCE_INPUT",
    "TC_SCHEMA_VERSION",
    "USAGES_SECTION",
    "TcFile",
    "TcPayload",
    "encode_tc",
    "flags_fingerprint",
    "import_input_name",
    "interface_fingerprint",
    "interface_fingerprint_of",
    "open_tc",
    "read_tc",
    "read_tc_exports",
    "read_tc_interface",
    "tc_inputs",
    "tc_payload",
    "write_tc",
]

META_SECTION: Final = "meta"
EXPORTS_SECTION: Final = "exports"
PROGRAM_SECTION: Final = "program"
INTERFACE_SECTION: Final = "interface"
FINGERPRINTS_SECTION: Final = "fingerprints"
USAGES_SECTION: Final = "usages"
SOURCE_INPUT: Final = "source"
FLAGS_INPUT: Final = "flags"
_IMPORT_PREFIX: Final = "import:"

# The root class of each tree section, per stage (see TcMeta.contents), as (module,
# class): the typechecker's classes are imported only when a typed file is used.
_EXPORTS_ROOT: Final = ("ifacedir.rename.env", "ModuleExports")
_CONTENTS: Final[Mapping[TcStage, Mapping[str, tuple[str, str]]]] = {
    TcStage.RENAME: {
        EXPORTS_SECTION: _EXPORTS_ROOT,
        PROGRAM_SECTION: ("ifacedir.rename.rename", "RenamedModule"),
    },
    TcStage.TYPECHECK: {
        EXPORTS_SECTION: _EXPORTS_ROOT,
        INTERFACE_SECTION: ("ifacedir.typecheck.iface", "TcInterface"),
        PROGRAM_SECTION: ("ifacedir.typecheck.typecheck", "TcResult"),
    },
}


def _contents(stage: TcStage) -> dict[str, str]:
    return {section: name for section, (_module, name) in _CONTENTS[stage].items()}


_T = TypeVar("_T")
_Mo = TypeVar("_Mo", bound=pydantic.BaseModel)


@dataclass(frozen=True, slots=True)
class TcPayload:
    """Everything a ``tc`` file holds besides its header.

    Stage ``rename``: ``program`` is the renamer's ``RenamedModule`` (with its real
    exports) and ``interface`` is None. Stage ``typecheck``: ``program`` is the
    typechecker's ``TcResult`` (with its real interface, no diagnostics) and
    ``interface`` is that ``TcInterface``.
    """

    meta: TcMeta
    exports: ModuleExports
    program: RenamedModule | TcResult
    interface: TcInterface | None = None
    fingerprints: ModuleFingerprints | None = None
    """Stage ``typecheck``: what importers' recompilation checks compare (FORMAT.md §13.5)."""
    usages: Usages | None = None
    """Stage ``typecheck``: what the module took from others (FORMAT.md §13.5)."""


# --- Building a payload and its inputs ------------------------------------------------


def tc_payload(
    renamed: RenamedModule,
    typed: TcResult | None = None,
    source: str | None = None,
    fingerprints: ModuleFingerprints | None = None,
    usages: Usages | None = None,
) -> TcPayload:
    """The payload of the ``tc`` file of a module: stage ``rename`` from the renamer's
    result alone, stage ``typecheck`` when the typechecker's result is given too.

    ``source`` is the file name as in spans (default: the module's span's file).
    """
    exports = renamed.exports
    imports = {(i.module, i.package) for i in renamed.imports}
    stage = TcStage.RENAME if typed is None else TcStage.TYPECHECK
    meta = TcMeta(
        module=exports.module,
        package=exports.package,
        schema_version=TC_SCHEMA_VERSION,
        stage=stage,
        source=renamed.module.span.file if source is None else source,
        codec_version=CODEC_VERSION,
        contents=_contents(stage),
        imports=[TcImport(module=m, package=p) for m, p in sorted(imports)],
        deps=list(exports.deps),
    )
    if typed is None:
        return TcPayload(meta, exports, renamed)
    return TcPayload(meta, exports, typed, typed.interface, fingerprints, usages)


def flags_fingerprint(flags: Mapping[str, cbor.CborValue] | None = None) -> bytes:
    """The ``flags`` input: the hash of the canonical map of front-end options."""
    return fingerprint(cbor.encode(dict(flags or {})))


def interface_fingerprint(exports: ModuleExports, interface: TcInterface | None = None) -> bytes:
    """What an importer records as its ``import:`` input for this module (see
    Note [Inputs of a tc file]): the ``raw_hash`` of the ``exports`` section, or with
    an ``interface``, the hash of that and the ``interface`` section's ``raw_hash``."""
    exports_hash = fingerprint(cbor.encode(encode_tree(exports)))
    if interface is None:
        return exports_hash
    return fingerprint(exports_hash + fingerprint(cbor.encode(encode_tree(interface))))


def interface_fingerprint_of(header: FileHeader) -> bytes | None:
    """:func:`interface_fingerprint` from a ``tc`` file's header alone (None if the
    header lacks the sections)."""
    exports = header.section(EXPORTS_SECTION)
    if exports is None:
        return None
    interface = header.section(INTERFACE_SECTION)
    if interface is None:
        return exports.raw_hash
    return fingerprint(exports.raw_hash + interface.raw_hash)


def import_input_name(module: str) -> str:
    """The input name for an imported module (see Note [Inputs of a tc file])."""
    return _IMPORT_PREFIX + module.encode("ascii", "backslashreplace").decode("ascii")


def tc_inputs(
    source: bytes | str,
    imports: Mapping[str, bytes],
    flags: Mapping[str, cbor.CborValue] | None = None,
) -> dict[str, bytes]:
    """The header inputs: source hash, flags hash, and each direct import's fingerprint."""
    data = source.encode("utf-8") if isinstance(source, str) else source
    inputs = {SOURCE_INPUT: fingerprint(data), FLAGS_INPUT: flags_fingerprint(flags)}
    for module, digest in imports.items():
        inputs[import_input_name(module)] = digest
    return inputs


# --- Writing --------------------------------------------------------------------------


def _stub_exports(meta: TcMeta) -> ModuleExports:
    """See Note [The program leaves its exports out]."""
    return ModuleExports(meta.module, meta.package, ())


def _stub_interface(meta: TcMeta) -> TcInterface:
    """See Note [The program leaves its exports out]."""
    from ifacedir.typecheck.iface import TcInterface

    return TcInterface(meta.module, meta.package, (), (), (), (), (), (), ())


def _sections(payload: TcPayload) -> dict[str, object]:
    meta, program = payload.meta, payload.program
    sections: dict[str, object] = {
        META_SECTION: meta.model_dump(mode="json"),
        EXPORTS_SECTION: encode_tree(payload.exports),
    }
    if isinstance(program, RenamedModule):
        sections[PROGRAM_SECTION] = encode_tree(
            dataclasses.replace(program, exports=_stub_exports(meta))
        )
    else:
        sections[INTERFACE_SECTION] = encode_tree(payload.interface)
        if payload.fingerprints is not None:
            sections[FINGERPRINTS_SECTION] = payload.fingerprints.model_dump(mode="json")
        if payload.usages is not None:
            sections[USAGES_SECTION] = payload.usages.model_dump(mode="json")
        sections[PROGRAM_SECTION] = encode_tree(
            dataclasses.replace(program, interface=_stub_interface(meta))
        )
    return sections


def _check_consistent(payload: TcPayload) -> None:
    meta, exports, program = payload.meta, payload.exports, payload.program
    if (exports.module, exports.package) != (meta.module, meta.package):
        raise EncodeError(
            f"exports of {exports.module} ({exports.package}) in the tc file of "
            f"{meta.module} ({meta.package})"
        )
    if meta.contents != _contents(meta.stage):
        raise EncodeError(f"meta.contents {meta.contents} do not fit stage {meta.stage.value}")
    if isinstance(program, RenamedModule):
        if meta.stage is not TcStage.RENAME or payload.interface is not None:
            raise EncodeError("a renamed program is stage rename, without an interface")
        if program.exports != exports:
            raise EncodeError("the program's exports differ from the exports section's")
        return
    if payload.fingerprints is not None and payload.fingerprints.module != meta.module:
        raise EncodeError(f"the fingerprints are module {payload.fingerprints.module}'s")
    if meta.stage is not TcStage.TYPECHECK or program.interface != payload.interface:
        raise EncodeError("a typed program is stage typecheck, with its own interface")
    if program.diagnostics:
        raise EncodeError(f"module {meta.module} has type errors: it has no tc file")
    if (program.interface.module, program.interface.package) != (meta.module, meta.package):
        raise EncodeError(f"the interface is module {program.interface.module}'s")


def encode_tc(payload: TcPayload, inputs: Mapping[str, bytes], boot: bool = False) -> bytes:
    """The bytes of the ``tc`` file (pure: same payload and inputs, same bytes);
    ``boot``: of a boot interface instead (kind ``boot-interface``, §13.7).

    Raises EncodeError for a payload that cannot be stored.
    """
    _check_consistent(payload)
    return encode_container(
        kind=FileKind.BOOT_INTERFACE if boot else FileKind.PHASE,
        phase=FileRole.TC.tag,
        module=payload.meta.module,
        unit=payload.meta.package,
        schema_version=TC_SCHEMA_VERSION,
        inputs=inputs,
        sections=_sections(payload),
    )


def write_tc(
    outdir: Path | str,
    module_name: str | ModuleName,
    payload: TcPayload,
    inputs: Mapping[str, bytes],
    boot: bool = False,
) -> Path:
    """Write ``<outdir>/<module dir>/tc.ifc`` (``boot``: ``<Last>.hi-boot``) atomically
    and return its path.

    The file is not rewritten when it already holds exactly these bytes. Raises
    WriteError (nothing is left behind) or InvalidNameError for a bad module name.
    """
    name = module_name if isinstance(module_name, ModuleName) else ModuleName(module_name)
    path = ModuleDir(Path(outdir), name).file(FileRole.BOOT_HI if boot else FileRole.TC)
    if name.text != payload.meta.module:
        raise WriteError(path, f"the payload is module {payload.meta.module}'s, not {name}")
    try:
        data = encode_tc(payload, inputs, boot)
    except EncodeError as exc:
        raise WriteError(path, f"cannot encode: {exc}") from None
    return write_file(path, data)


# --- Reading --------------------------------------------------------------------------


class TcFile:
    """An opened ``tc`` file: header checked, sections decoded on demand (and cached)."""

    def __init__(self, container: Container) -> None:
        self._container = container
        self.path = container.path
        self.header: FileHeader = container.header
        self._meta: TcMeta | None = None
        self._exports: ModuleExports | None = None
        self._interface: TcInterface | None = None
        _check_header(self.header, self.path)

    def meta(self) -> TcMeta:
        """The ``meta`` section, checked against the header."""
        if self._meta is None:
            raw = self._container.read_section(META_SECTION)
            try:
                meta = TcMeta.model_validate(raw)
            except pydantic.ValidationError as exc:
                raise CorruptFileError(self.path, f"section 'meta': {_first(exc)}") from None
            _check_meta(meta, self.header, self.path)
            self._meta = meta
        return self._meta

    def exports(self) -> ModuleExports:
        """The ``exports`` section alone (the program is not read)."""
        if self._exports is None:
            exports = self._tree(EXPORTS_SECTION, ModuleExports)
            meta = self.meta()
            if (exports.module, exports.package) != (meta.module, meta.package):
                raise CorruptFileError(
                    self.path, f"section 'exports' is about module {exports.module}"
                )
            self._exports = exports
        return self._exports

    def interface(self) -> TcInterface | None:
        """The ``interface`` section (stage ``typecheck``; None for stage ``rename``)."""
        meta = self.meta()
        if meta.stage is not TcStage.TYPECHECK:
            return None
        if self._interface is None:
            from ifacedir.typecheck.iface import TcInterface

            iface = self._tree(INTERFACE_SECTION, TcInterface)
            if (iface.module, iface.package) != (meta.module, meta.package):
                raise CorruptFileError(
                    self.path, f"section 'interface' is about module {iface.module}"
                )
            self._interface = iface
        return self._interface

    def fingerprints(self) -> ModuleFingerprints | None:
        """The ``fingerprints`` section (None when the file has none: stage ``rename``)."""
        found = self._model(FINGERPRINTS_SECTION, ModuleFingerprints)
        if found is not None and found.module != self.meta().module:
            raise CorruptFileError(self.path, f"section 'fingerprints' is about {found.module}")
        return found

    def usages(self) -> Usages | None:
        """The ``usages`` section (None when the file has none: stage ``rename``)."""
        return self._model(USAGES_SECTION, Usages)

    def _model(self, name: str, model: type[_Mo]) -> _Mo | None:
        if self.header.section(name) is None:
            return None
        raw = self._container.read_section(name)
        try:
            return model.model_validate(raw)
        except pydantic.ValidationError as exc:
            raise CorruptFileError(self.path, f"section {name!r}: {_first(exc)}") from None

    def program(self) -> RenamedModule | TcResult:
        """The ``program`` section, with what other sections hold put back: a
        ``RenamedModule`` (stage ``rename``) or a ``TcResult`` (stage ``typecheck``)."""
        meta = self.meta()
        if meta.stage is TcStage.RENAME:
            renamed = self._tree(PROGRAM_SECTION, RenamedModule)
            self._check_module(renamed.module.name)
            self._check_stub(renamed.exports == _stub_exports(meta), "exports")
            return dataclasses.replace(renamed, exports=self.exports())
        from ifacedir.typecheck.typecheck import TcResult

        typed = self._tree(PROGRAM_SECTION, TcResult)
        self._check_module(typed.module.name)
        self._check_stub(typed.interface == _stub_interface(meta), "interface")
        if typed.diagnostics:
            raise CorruptFileError(self.path, "section 'program' holds diagnostics")
        interface = self.interface()
        assert interface is not None
        return dataclasses.replace(typed, interface=interface)

    def check_stored(self) -> None:
        """Check every section's stored bytes against its hash in the header, without
        decompressing or decoding any (for a reader that trusts the sections it does
        not read, such as the base cache's, ifacedir.iface.basecache)."""
        for name in self._container.section_names:
            self._container.read_stored(name)

    def payload(self) -> TcPayload:
        return TcPayload(
            self.meta(),
            self.exports(),
            self.program(),
            self.interface(),
            self.fingerprints(),
            self.usages(),
        )

    def _check_module(self, name: str) -> None:
        if name != self.meta().module:
            raise CorruptFileError(self.path, f"section 'program' holds module {name}")

    def _check_stub(self, ok: bool, slot: str) -> None:
        if not ok:
            raise CodecError(
                f"section 'program': the {slot} slot must be the empty stub (see FORMAT.md §13.2)",
                self.path,
            )

    def _tree(self, name: str, cls: type[_T]) -> _T:
        meta = self.meta()
        value = self._container.read_section(name)
        if not (isinstance(value, list) and value and value[0] == meta.codec_version):
            raise CodecError(
                f"section {name!r} is not a syntax tree of codec version {meta.codec_version}",
                self.path,
            )
        try:
            root = decode_tree(value)
        except CodecError as exc:
            raise CodecError(f"section {name!r}: {exc.reason}", self.path) from None
        if type(root) is not cls or meta.contents.get(name) != cls.__name__:
            raise CodecError(
                f"section {name!r} holds a {type(root).__name__}, expected {cls.__name__}",
                self.path,
            )
        return root


def _first(exc: pydantic.ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"invalid field {where}: {first['msg']}" if where else first["msg"]


def _check_header(header: FileHeader, path: Path | None) -> None:
    kinds = (FileKind.PHASE, FileKind.BOOT_INTERFACE)  # a boot interface: see §13.7
    if header.kind not in kinds or header.phase != FileRole.TC.tag:
        raise CorruptFileError(
            path, f"not a tc file: a {header.kind.value} file of phase {header.phase}"
        )
    if header.schema_version != TC_SCHEMA_VERSION:
        raise UnsupportedVersionError(
            path,
            f"tc payload schema version {header.schema_version}, this reader reads "
            f"version {TC_SCHEMA_VERSION}",
        )


def _check_meta(meta: TcMeta, header: FileHeader, path: Path | None) -> None:
    mine = (meta.module, meta.package, meta.schema_version)
    theirs = (header.module, header.unit, header.schema_version)
    if mine != theirs:
        raise CorruptFileError(
            path, f"section 'meta' says {mine}, the header {theirs} (module, unit, schema)"
        )
    if meta.contents != _contents(meta.stage):
        raise UnsupportedVersionError(
            path, f"stage {meta.stage.value} with sections {sorted(meta.contents)} is unknown"
        )
    missing = [n for n in meta.contents if header.section(n) is None]
    if missing:
        raise CorruptFileError(path, f"section {missing[0]!r} listed in 'meta' is missing")


@contextmanager
def open_tc(src: Path | str | ModuleDir, boot: bool = False) -> Iterator[TcFile]:
    """Open a ``tc`` file by path, or in a module directory (checking its place);
    ``boot``: the module's boot interface ``<Last>.hi-boot`` (§13.7), which has the
    ``tc`` file's layout."""
    if isinstance(src, ModuleDir):
        with src.open(FileRole.BOOT_HI if boot else FileRole.TC) as container:
            yield TcFile(container)
    else:
        with open_container(Path(src)) as container:
            yield TcFile(container)


def read_tc(src: Path | str | ModuleDir) -> TcPayload:
    """Read and check every section of a ``tc`` file."""
    with open_tc(src) as tc:
        return tc.payload()


def read_tc_exports(src: Path | str | ModuleDir) -> ModuleExports:
    """Read only what an importer's renamer needs: ``meta`` and ``exports``."""
    with open_tc(src) as tc:
        return tc.exports()


def read_tc_interface(src: Path | str | ModuleDir) -> TcInterface | None:
    """Read only what an importer's typechecker needs: ``meta`` and ``interface``
    (None for a stage ``rename`` file)."""
    with open_tc(src) as tc:
        return tc.interface()
