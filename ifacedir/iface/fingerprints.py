"""Entity fingerprints, module hashes and usages: what recompilation avoidance compares.

DESIGN, "Fingerprints". Two records, both stored in a module's ``tc`` file (sections
``fingerprints`` and ``usages``, spec/FORMAT.md §13.5) and both plain pydantic models
(schemas/fingerprints.schema.json, schemas/usages.schema.json):

* :class:`ModuleFingerprints`, what a module offers importers: a 128-bit fingerprint
  per entity it defines (see Note [What an entity's fingerprint covers]), which
  original entity each exported name stands for, the hash of its instances, its
  export-list hash and its ABI hash (all of these together).
* :class:`Usages`, what a module took from others, recorded when it is typechecked
  (see Note [Usages]).

Entity keys are ``<namespace>:<occ>`` (``var:map``, ``tycon:Maybe``, ``con:Just``),
unique within a module; fingerprints are 32 lower-case hex digits (BLAKE2b-128).

Note [What an entity's fingerprint covers]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Everything an importer can observe of it, nothing else, and never a source position
(interface trees hold none, FORMAT.md §13.1):

* a value: its type scheme and its fixity;
* a data type or newtype: kind, parameters, constructors in order (tags), their
  schemes, field labels and strictness, and the constructors' fixities. Constructors
  and field labels share their type's fingerprint, as in GHC: an importer that uses
  one constructor depends on the order of all of them;
* a type synonym: its (synonym-free) right-hand side and kind;
* a class: kind, methods and their schemes, which methods have defaults, the methods'
  fixities, and the fingerprints of its superclasses (a dictionary holds its
  superclasses' dictionaries, so their layout is part of its own). Methods share
  their class's fingerprint.

Schemes name type constructors with their kinds and contain no synonyms, so a scheme
needs nothing from the entities it mentions. Instances have no name: see Note
[Instances attached to an entity].

Note [Instances attached to an entity]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
An instance declared in the module of its type (``instance Ord T`` beside ``data T``)
or of its class is part of that type's or class's fingerprint, as GHC attaches
non-orphan instances to their type or class. That is enough: to need the instance, an
importer must solve a constraint on ``T``, so ``T`` occurs in the types of its typed
program, so it is among the entities it uses, and a new or changed instance of ``T``
changes an entity it depends on. Only *orphan* instances (neither the class nor the
head's type constructor is the module's) go into the module's ``instance_hash``, which
every module above sees (``instances_below``, Note [Usages]): adding ``instance Ord T``
to a module with 200 modules above it then retypechecks the modules that use ``T``,
not all 200.

Note [Usages]
~~~~~~~~~~~~~
A typechecked module records, for the recompilation check (ifacedir.driver.recomp):

* ``entities``: for every module ``D`` whose entities the module's typed program
  mentions (directly imported or not: ``Prelude.map`` is ``GHC.Base``'s), the
  fingerprint of each entity used, keyed as above (None: ``D`` defines no such
  entity, which must stay so);
* ``lookups``: for every direct import ``M``, which original entity ``M`` exports
  under each name key the module mentions (``mentions``; a key ``M`` does not
  export is absent). This
  is what catches a *new* export that clashes with a name the module uses, or an
  export that disappeared. An export nobody mentions is in no lookup, so adding one
  recompiles no importer (GHC recompiles every importer of ``M`` without an import
  list);
* ``whole``: for a direct import re-exported whole (``module M`` in the export list),
  ``M``'s export-list hash, since then every export of ``M`` is part of this module's;
* ``instances``: for every direct import ``M``, ``M``'s ``instances_below``: the hash
  of the instance hashes of every module below ``M`` (``M`` included) that declares
  instances. Instances are global (Report §4.3.2): a new or changed instance anywhere
  below is seen by every importer above, and this one hash per import says so without
  the check visiting every module below (a chain of 1,000 modules would otherwise
  make the no-op check quadratic).

The desugarer reads no more of other modules than this (classes, constructors,
instances of the entities the typed program names), so the ``ds`` phase depends on
other modules only through its own ``tc`` file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Final

from pydantic import BaseModel, ConfigDict, Field

from ifacedir.format import cbor
from ifacedir.format.fingerprint import fingerprint
from ifacedir.syntax.names import Name

if TYPE_CHECKING:
    from ifacedir.rename.env import Fixity, ModuleExports
    from ifacedir.rename.rename import RenamedModule
    from ifacedir.typecheck.iface import TcInterface
    from ifacedir.typecheck.typecheck import TcResult

__all__ = [
    "ImportUsage",
    "ModuleFingerprints",
    "Usages",
    "entity_key",
    "module_fingerprints",
    "typechecked_fingerprints",
    "usages_of",
]

_CONFIG: Final = ConfigDict(strict=True, frozen=True, extra="forbid")
Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
Key = Annotated[str, Field(min_length=3, max_length=4096)]
ModuleText = Annotated[str, Field(min_length=1, max_length=1024)]


def entity_key(name: Name) -> str:
    """``<namespace>:<occ>``: an entity's key within its defining module."""
    return f"{name.space.value}:{name.occ}"


def _hex(data: bytes) -> str:
    return fingerprint(data).hex()


class ModuleFingerprints(BaseModel):
    """What a module offers importers, as fingerprints (see the module docstring)."""

    model_config = _CONFIG

    module: ModuleText
    abi: Hex
    """Hash of everything below: changes exactly when an importer could see a change."""
    export_hash: Hex
    """Hash of the export list: the exported entities and their subordinates."""
    instance_hash: Hex
    """Hash of the instances the module declares or derives."""
    entities: dict[Key, Hex]
    """Every entity the module defines (types and classes exported or not, exported
    values), subordinates included, with its fingerprint."""
    exported: dict[Key, ModuleText]
    """Every name key the module exports, with the module that defines the entity."""
    instances_below: Hex
    """Hash of ``(module, instance_hash)`` for every module below it (itself included)
    that declares instances: what an importer sees of instances through it."""


class ImportUsage(BaseModel):
    """What a module relied on about one direct import (Note [Usages])."""

    model_config = _CONFIG

    module: ModuleText
    lookups: dict[Key, ModuleText]
    """For each key of ``Usages.mentions`` that the import exports, the defining module."""
    whole: Hex | None = None


class Usages(BaseModel):
    """Everything a typechecked module took from other modules (Note [Usages])."""

    model_config = _CONFIG

    mentions: list[Key]
    """Every name key the typed program mentions (its own names included)."""
    imports: list[ImportUsage]
    entities: dict[ModuleText, dict[Key, Hex | None]]
    instances: dict[ModuleText, Hex]
    """Each direct import's ``instances_below``."""
    boot_modules: list[ModuleText] = Field(default_factory=list)
    """The modules of its import loop whose hs-boot interface it saw instead of the
    module's own (spec/FORMAT.md §13.7): their entries above are the boot file's."""
    loop: list[ModuleText] = Field(default_factory=list)
    """The other modules of its import loop (later phases take no unfoldings from them)."""


# --- Computing a module's fingerprints ---------------------------------------------------


def _split_instances(iface: TcInterface) -> tuple[dict[Name, list[object]], list[object]]:
    """The module's instances attached to its own type or class, and the orphans
    (Note [Instances attached to an entity])."""
    own = {d.name for d in iface.data_types} | {c.cls.name for c in iface.classes}
    attached: dict[Name, list[object]] = {}
    orphans: list[object] = []
    for info in iface.instances:
        head = info.instance.qual.head
        tycon = _head_tycon(head.type)
        if tycon is not None and tycon in own:
            attached.setdefault(tycon, []).append(info)
        elif head.cls in own:
            attached.setdefault(head.cls, []).append(info)
        else:
            orphans.append(info)
    return attached, orphans


def _head_tycon(t: object) -> Name | None:
    from ifacedir.syntax.types import TAp, TCon

    while isinstance(t, TAp):
        t = t.fun
    return t.con.name if isinstance(t, TCon) else None


def _tree_hash(*parts: object) -> bytes:
    from ifacedir.syntax.codec import encode_tree

    return cbor.encode([encode_tree(p) for p in parts])


def module_fingerprints(
    exports: ModuleExports,
    iface: TcInterface,
    external: Callable[[Name], str | None],
    instance_hash_of: Callable[[str], str] | None = None,
) -> ModuleFingerprints:
    """The fingerprints of the module with these exports and interface;
    ``external(name)`` gives the fingerprint of another module's entity (superclasses,
    Note [What an entity's fingerprint covers]), ``instance_hash_of(m)`` another
    module's instance hash (for ``instances_below``)."""
    fixities: dict[Name, Fixity] = dict(iface.fixities)
    fixities.update(exports.fixities)

    def fix(names: Iterable[Name]) -> list[object]:
        return [[n.occ, str(fixities[n])] for n in names if n in fixities]

    attached, orphans = _split_instances(iface)
    table: dict[str, str] = {}
    for d in iface.data_types:
        subs = [c.name for c in d.constructors] + [lab for c in d.constructors for lab in c.labels]
        fp = _hex(cbor.encode([b"data", _tree_hash(d, *attached.get(d.name, ())), fix(subs)]))
        for n in (d.name, *subs):
            table.setdefault(entity_key(n), fp)
    for s in iface.synonyms:
        table[entity_key(s.synonym.name)] = _hex(cbor.encode([b"type", _tree_hash(s)]))
    own_classes = {ci.cls.name: ci for ci in iface.classes}
    class_fps: dict[Name, str] = {}

    def class_fp(name: Name) -> str:
        if name in class_fps:
            return class_fps[name]
        ci = own_classes[name]
        class_fps[name] = "0" * 32  # a superclass cycle is a type error; never loop
        supers = [class_fp(s) if s in own_classes else (external(s) or "") for s in ci.cls.supers]
        own = attached.get(ci.cls.name, ())
        fp = _hex(cbor.encode([b"class", _tree_hash(ci, *own), fix(ci.cls.methods), supers]))
        class_fps[name] = fp
        return fp

    for ci in iface.classes:
        fp = class_fp(ci.cls.name)
        for n in (ci.cls.name, *ci.cls.methods):
            table[entity_key(n)] = fp
    for v in iface.values:
        if v.name.module == iface.module:
            table.setdefault(
                entity_key(v.name), _hex(cbor.encode([b"value", _tree_hash(v), fix([v.name])]))
            )
    exported = {entity_key(n): n.module for n in exports.names()}
    export_hash = _hex(
        cbor.encode(
            [
                _tree_hash(*exports.avails) if exports.avails else b"",
                sorted(exported.items()),
                fix(exports.names()),
            ]
        )
    )
    instance_hash = _hex(cbor.encode([b"instances", _tree_hash(*orphans) if orphans else b""]))
    abi = _hex(cbor.encode([export_hash, instance_hash, sorted(table.items())]))
    below: list[object] = []
    for m in sorted(set(iface.instance_modules)):
        if m == iface.module:
            below.append([m, instance_hash])
        elif instance_hash_of is not None:
            below.append([m, instance_hash_of(m)])
    instances_below = _hex(cbor.encode([b"instances-below", below]))
    return ModuleFingerprints(
        module=iface.module,
        abi=abi,
        export_hash=export_hash,
        instance_hash=instance_hash,
        entities=dict(sorted(table.items())),
        exported=dict(sorted(exported.items())),
        instances_below=instances_below,
    )


# --- Computing a module's usages -----------------------------------------------------------


def usages_of(
    module: str,
    mentioned: Iterable[Name],
    imports: Iterable[str],
    reexported_whole: Iterable[str],
    tables: Callable[[str], ModuleFingerprints],
    boot_modules: Iterable[str] = (),
    loop: Iterable[str] = (),
) -> Usages:
    """The usages of ``module`` (Note [Usages]): ``mentioned`` holds every global name
    of its typed program, ``imports`` its direct imports, ``reexported_whole`` the
    imports its export list names as ``module M``; ``tables(m)`` gives module ``m``'s
    fingerprints."""
    names = {n for n in mentioned if n.is_global}
    keys = sorted({entity_key(n) for n in names})
    entities: dict[str, dict[str, str | None]] = {}
    for n in sorted(names, key=lambda n: (n.module, entity_key(n))):
        if n.module == module:
            continue
        entities.setdefault(n.module, {})[entity_key(n)] = tables(n.module).entities.get(
            entity_key(n)
        )
    whole = set(reexported_whole)
    used_imports: list[ImportUsage] = []
    for m in sorted(set(imports)):
        table = tables(m)
        used_imports.append(
            ImportUsage(
                module=m,
                lookups={k: table.exported[k] for k in keys if k in table.exported},
                whole=table.export_hash if m in whole else None,
            )
        )
    instances = {m: tables(m).instances_below for m in sorted(set(imports))}
    return Usages(
        mentions=keys,
        imports=used_imports,
        entities=entities,
        instances=instances,
        boot_modules=sorted(set(boot_modules)),
        loop=sorted(set(loop)),
    )


def typechecked_fingerprints(
    renamed: RenamedModule,
    typed: TcResult,
    tables: Callable[[str], ModuleFingerprints],
    boot_modules: Iterable[str] = (),
    loop: Iterable[str] = (),
) -> tuple[ModuleFingerprints, Usages]:
    """A typechecked module's fingerprints and usages, as its ``tc`` file records
    them; ``tables(m)`` gives the fingerprints of any module below it (the boot
    interface's for ``boot_modules``)."""
    from ifacedir.syntax.ast import IEModule
    from ifacedir.syntax.codec import tree_names

    name = typed.interface.module

    def external(n: Name) -> str | None:
        return tables(n.module).entities.get(entity_key(n))

    own = module_fingerprints(
        renamed.exports, typed.interface, external, lambda m: tables(m).instance_hash
    )
    items = renamed.module.exports or ()
    aliases = {i.module for i in items if isinstance(i, IEModule)}
    whole = [
        i.module
        for i in renamed.imports
        if not i.qualified and (i.qualifier or i.module) in aliases
    ]
    mentioned = [n for n in tree_names(typed) if isinstance(n, Name)]
    imports = [i.module for i in renamed.imports]
    usages = usages_of(name, mentioned, imports, whole, tables, boot_modules, loop)
    return own, usages


def program_fingerprints(
    modules: Iterable[tuple[RenamedModule, TcResult]],
    known: Mapping[str, ModuleFingerprints],
) -> dict[str, tuple[ModuleFingerprints, Usages]]:
    """``typechecked_fingerprints`` of each module, in the given (dependency) order;
    modules not among them are looked up in ``known``."""
    tables = dict(known)
    out: dict[str, tuple[ModuleFingerprints, Usages]] = {}
    for renamed, typed in modules:
        own, usages = typechecked_fingerprints(renamed, typed, tables.__getitem__)
        tables[own.module] = own
        out[own.module] = (own, usages)
    return out
