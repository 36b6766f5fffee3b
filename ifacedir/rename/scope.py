"""What is in scope at the top level of a module: GHC's GlobalRdrEnv (Report §5.3, §5.5).

The environment maps an occurrence name in a namespace to *entries*, one per
entity: the entity's original ``Name``, its parent (the type or class of a
constructor, field or method) and its provenance: defined in this module, or
brought in by one or more import declarations, each recorded as an ``ImportSpec``
(the module, the qualifier it is known by, whether it is qualified-only, where the
declaration is). One entity reachable along several paths is one entry with
several specs, which is why it is never ambiguous (Report §5.5.2).

The steps, as ``rename_module`` drives them:

1. ``import_entries``: for each import declaration, the entities it brings in.
   ``import M`` takes all of M's exports; ``import M (items)`` the named ones
   (``T`` alone is abstract, ``T(..)`` brings the subordinates M exports,
   ``T(c)`` some of them); ``import M hiding (items)`` all but the named ones, where a
   bare ``T`` hides a type *and* a data constructor called T (§5.3.1). The list
   restricts qualified names as much as unqualified ones, because a spec is only
   created for the selected entities. An item naming something M does not export is
   an error; hiding it is not (GHC's behaviour, see Note [Hiding an absent name]).
2. ``GlobalEnv.add`` merges the entries of every import and of the module's own
   top-level definitions.
3. ``GlobalEnv.lookup``: an unqualified ``x`` sees the local entries and entries with a
   spec that is not qualified-only; ``M.x`` sees entries with a spec whose qualifier
   is M, and the local ones if M is the module itself (§5.5.1). More than one entity
   is an ambiguity, reported at the *use* (§5.5.2); nothing is reported for a name
   that is never used. See Note [Ambiguity is checked on use].

Note [Ambiguity is checked on use]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Report §5.5.2: "it is not an error for there to exist names that cannot be so
resolved, provided that the program does not mention those names". So importing two
modules that both export ``x``, or importing ``x`` and defining ``x``, is legal; the
environment simply holds two entries for ``x``. ``lookup`` returns all visible
entries and the caller reports "Ambiguous occurrence" when there is more than one
distinct entity. Export items are uses too (corpus case 066).

Note [Hiding an absent name]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Report §5.3.1 makes hiding an entity the module does not export an error; GHC 9.0.2
accepts it silently (only ``-Wdodgy-imports`` warns), and we follow GHC because every
program we accept must be one GHC accepts and vice versa (corpus case 050).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ifacedir.diagnostics import Diagnostic, error
from ifacedir.rename.env import ModuleExports
from ifacedir.syntax.ast import IEThing, IEVar, ImportDecl, ImportItem, SubItems
from ifacedir.syntax.names import Name, NameSpace, RdrName
from ifacedir.syntax.span import SrcSpan

__all__ = [
    "GlobalEntry",
    "GlobalEnv",
    "ImportSpec",
    "describe_entry",
    "import_entries",
    "rename_import_items",
]


@dataclass(frozen=True, slots=True, order=True)
class ImportSpec:
    """One import declaration through which an entity is in scope."""

    module: str  # the imported module
    qualifier: str  # the ``as`` name, or the module itself
    qualified_only: bool
    span: SrcSpan  # the import declaration


@dataclass(frozen=True, slots=True)
class GlobalEntry:
    """One entity in the top-level environment, with its provenance."""

    name: Name
    parent: Name | None
    local: bool  # defined at the top level of this module
    specs: tuple[ImportSpec, ...] = ()
    defined_at: SrcSpan | None = None  # local entries only

    def in_scope_unqualified(self) -> bool:
        return self.local or any(not s.qualified_only for s in self.specs)

    def in_scope_as(self, qualifier: str, self_module: str) -> bool:
        return (self.local and qualifier == self_module) or any(
            s.qualifier == qualifier for s in self.specs
        )

    def merge(self, other: GlobalEntry) -> GlobalEntry:
        return GlobalEntry(
            self.name,
            self.parent or other.parent,
            self.local or other.local,
            tuple(sorted(set(self.specs) | set(other.specs))),
            self.defined_at or other.defined_at,
        )


def describe_entry(entry: GlobalEntry) -> str:
    """Where an entity comes from, for the notes of an ambiguity error."""
    quoted = f"‘{entry.name.module}.{entry.name.occ}’"
    if entry.local:
        where = f" at {entry.defined_at}" if entry.defined_at else ""
        return f"{quoted}, defined{where}"
    spec = entry.specs[0]
    return f"{quoted}, imported from ‘{spec.module}’ at {spec.span}"


class GlobalEnv:
    """The top-level scope of one module (mutable while it is built)."""

    def __init__(self, module: str) -> None:
        self.module = module
        self._by_occ: dict[tuple[NameSpace, str], dict[Name, GlobalEntry]] = {}
        self._children: dict[Name, dict[Name, GlobalEntry]] = {}
        self._qualifiers: set[str] = set()

    def add(self, entry: GlobalEntry) -> None:
        key = (entry.name.space, entry.name.occ)
        slot = self._by_occ.setdefault(key, {})
        old = slot.get(entry.name)
        merged = entry if old is None else old.merge(entry)
        slot[entry.name] = merged
        if merged.parent is not None:
            self._children.setdefault(merged.parent, {})[merged.name] = merged

    def add_all(self, entries: Iterable[GlobalEntry]) -> None:
        for entry in entries:
            self.add(entry)

    def lookup(self, rdr: RdrName, space: NameSpace) -> list[GlobalEntry]:
        """The entries ``rdr`` can refer to (Report §5.5.1).

        See Note [Ambiguity is checked on use].
        """
        slot = self._by_occ.get((space, rdr.occ), {})
        if rdr.qual:
            found = [e for e in slot.values() if e.in_scope_as(rdr.qual, self.module)]
        else:
            found = [e for e in slot.values() if e.in_scope_unqualified()]
        return sorted(found, key=lambda e: e.name)

    def entry(self, name: Name) -> GlobalEntry | None:
        """The entry of entity ``name``, if it is in scope in any form."""
        return self._by_occ.get((name.space, name.occ), {}).get(name)

    def children(self, parent: Name) -> list[GlobalEntry]:
        """Entries in scope (in any form) whose parent is ``parent``."""
        return sorted(self._children.get(parent, {}).values(), key=lambda e: e.name)

    def entries(self) -> Iterator[GlobalEntry]:
        for slot in self._by_occ.values():
            yield from slot.values()

    def add_qualifier(self, qualifier: str) -> None:
        """Record that an import declaration is known by ``qualifier``."""
        self._qualifiers.add(qualifier)

    def has_qualifier(self, qualifier: str) -> bool:
        """Whether some import declaration is known by ``qualifier`` (``module M`` exports),
        even one that brings nothing into scope (``import A () as M``)."""
        return qualifier in self._qualifiers


# --- Import declarations (Report §5.3) -----------------------------------------------


class _Exported:
    """Lookup tables over one imported module's exports."""

    def __init__(self, exports: ModuleExports) -> None:
        self.exports = exports
        self.parents = exports.parent_map()
        self.by_occ: dict[tuple[NameSpace, str], Name] = {}
        self.children: dict[Name, list[Name]] = {}
        for name in exports.names():
            self.by_occ[(name.space, name.occ)] = name
        for child, parent in exports.parents:
            self.children.setdefault(parent, []).append(child)

    def find(self, occ: str, *spaces: NameSpace) -> Name | None:
        for space in spaces:
            found = self.by_occ.get((space, occ))
            if found is not None:
                return found
        return None


def import_entries(
    decl: ImportDecl[RdrName], exports: ModuleExports, diags: list[Diagnostic]
) -> list[GlobalEntry]:
    """The entries one import declaration brings into scope (step 1 of the docstring)."""
    table = _Exported(exports)
    if decl.items is None:
        selected = set(exports.names())
    elif decl.hiding:
        hidden: set[Name] = set()
        for item in decl.items:
            hidden |= _hidden_by(item, table)
        selected = set(exports.names()) - hidden
    else:
        selected = set()
        for item in decl.items:
            selected |= _imported_by(item, table, decl.module, diags)
    spec = ImportSpec(decl.module, decl.alias or decl.module, decl.qualified, decl.span)
    return [GlobalEntry(n, table.parents.get(n), False, (spec,)) for n in sorted(selected)]


def _hidden_by(item: ImportItem[RdrName], table: _Exported) -> set[Name]:
    """What a ``hiding`` item hides: see Note [Hiding an absent name]."""
    occ = item.name.occ
    if isinstance(item, IEVar):
        found = table.find(occ, NameSpace.VAR)
        return {found} if found else set()
    hidden = {n for n in (table.find(occ, NameSpace.TYCON), table.find(occ, NameSpace.CON)) if n}
    tycon = table.find(occ, NameSpace.TYCON)
    if tycon is not None:
        hidden |= _subs_of(item, tycon, table, None, "", [])
    return hidden


def _imported_by(
    item: ImportItem[RdrName], table: _Exported, module: str, diags: list[Diagnostic]
) -> set[Name]:
    """What an item of an import list brings in; a diagnostic if the module lacks it."""
    occ = item.name.occ
    if isinstance(item, IEVar):
        found = table.find(occ, NameSpace.VAR)
        if found is None:
            diags.append(_not_exported(item.span, module, occ))
            return set()
        return {found}
    tycon = table.find(occ, NameSpace.TYCON)
    if tycon is None:
        con = table.find(occ, NameSpace.CON)
        if con is not None and con in table.parents:
            diags.append(_constructor_alone(item.span, module, con, table.parents[con]))
        else:
            diags.append(_not_exported(item.span, module, occ))
        return set()
    return {tycon} | _subs_of(item, tycon, table, item.span, module, diags)


def _subs_of(
    item: IEThing[RdrName],
    parent: Name,
    table: _Exported,
    span: SrcSpan | None,
    module: str,
    diags: list[Diagnostic],
) -> set[Name]:
    """The subordinates ``T(..)`` or ``T(c1, c2)`` names among what the module exports."""
    children = table.children.get(parent, [])
    if item.subs is SubItems.ALL:
        return set(children)
    result: set[Name] = set()
    for sub in item.subs:
        match = [c for c in children if c.occ == sub.occ]
        if match:
            result.update(match)
        elif span is not None:
            diags.append(_not_exported(span, module, f"{parent.occ}({sub.occ})"))
    return result


def _not_exported(span: SrcSpan, module: str, what: str) -> Diagnostic:
    return error("R013", span, f"Module ‘{module}’ does not export ‘{what}’")


def _constructor_alone(span: SrcSpan, module: str, con: Name, parent: Name) -> Diagnostic:
    return error(
        "R013",
        span,
        f"In module ‘{module}’: ‘{con.occ}’ is a data constructor of ‘{parent.occ}’",
        f"To import it use ‘import {module} ({parent.occ}({con.occ}))’"
        f" or ‘import {module} ({parent.occ}(..))’",
    )


def rename_import_items(
    decl: ImportDecl[RdrName], exports: ModuleExports
) -> tuple[ImportItem[Name], ...] | None:
    """The items of an import list with the names they resolved to (unresolved ones
    dropped: they were reported by ``import_entries`` or are hidden absent names)."""
    if decl.items is None:
        return None
    table = _Exported(exports)
    out: list[ImportItem[Name]] = []
    for item in decl.items:
        if isinstance(item, IEVar):
            found = table.find(item.name.occ, NameSpace.VAR)
            if found is not None:
                out.append(IEVar(item.span, found))
            continue
        spaces = (NameSpace.TYCON, NameSpace.CON) if decl.hiding else (NameSpace.TYCON,)
        thing = table.find(item.name.occ, *spaces)
        if thing is None:
            continue
        if item.subs is SubItems.ALL:
            out.append(IEThing(item.span, thing, SubItems.ALL))
        else:
            children = table.children.get(thing, [])
            subs = tuple(c for s in item.subs for c in children if c.occ == s.occ)
            out.append(IEThing(item.span, thing, subs))
    return tuple(out)
