"""The renamer-level interface of a module: what an importer's renamer needs to know.

``ModuleExports`` is GHC's ``ModIface`` cut down to the module system (Report
chapter 5): the entities a module exports, grouped as ``Avail``s (GHC's
``AvailInfo``: a type or class with the subordinate names exported with it), the
parent of every exported subordinate (so that ``import M (T(..))`` and an export
item ``T(..)`` in an importer can find the constructors, fields and methods of
``T``), the fixity of every exported entity that has a declared one (fixities travel
with the entity, Report §4.4.2), the record fields among the exported names, and the
modules below it (so that instances, which are global, Report §4.3.2, can be found
by the typechecker).

Everything here is a frozen dataclass of tuples, sorted canonically, so that a
generic codec can persist it and two builds produce the same bytes; see
Note [Renamer output is persistable data].

Note [Renamer output is persistable data]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
The renamer's output becomes part of the ``tc`` phase file and of the ``.hi``
(DESIGN, "Phases"). So nothing it returns holds a dict, a set or a mutable list:
maps are tuples of pairs sorted by key, sets are sorted tuples, and every record is
a frozen dataclass. The renamer builds dicts while it works and converts them at the
end (``ModuleExports.build``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Final

from ifacedir.syntax.ast import Assoc
from ifacedir.syntax.names import Name

__all__ = [
    "DEFAULT_FIXITY",
    "NEGATION_FIXITY",
    "Avail",
    "Fixity",
    "ModuleExports",
]


@dataclass(frozen=True, slots=True, order=True)
class Fixity:
    """An associativity and a precedence 0..9 (Report §4.4.2)."""

    assoc: Assoc
    prec: int

    def __str__(self) -> str:
        return f"{self.assoc.value} {self.prec}"


DEFAULT_FIXITY: Final = Fixity(Assoc.LEFT, 9)  # Report §4.4.2: no declaration means infixl 9
NEGATION_FIXITY: Final = Fixity(Assoc.LEFT, 6)  # Report §3.4 / §10.6: prefix minus


@dataclass(frozen=True, slots=True, order=True)
class Avail:
    """An exported entity, with the subordinates (constructors, fields, methods)
    exported together with it; ``subs`` is sorted and empty for a plain value."""

    name: Name
    subs: tuple[Name, ...] = ()

    def names(self) -> Iterator[Name]:
        yield self.name
        yield from self.subs


@dataclass(frozen=True, slots=True)
class ModuleExports:
    """What importers' renamers read about a module; see the module docstring.

    ``parents`` maps every exported subordinate (also one exported without its
    parent) to its type or class; ``fixities`` holds the declared fixities of the
    exported entities; ``fields`` lists the exported record field selectors;
    ``deps`` the modules this module imports, directly or not (instance visibility).
    """

    module: str
    package: str
    avails: tuple[Avail, ...]
    parents: tuple[tuple[Name, Name], ...] = ()
    fixities: tuple[tuple[Name, Fixity], ...] = ()
    fields: tuple[Name, ...] = ()
    deps: tuple[str, ...] = ()

    @staticmethod
    def build(
        module: str,
        package: str,
        avails: Iterable[Avail],
        parents: Mapping[Name, Name],
        fixities: Mapping[Name, Fixity],
        fields: Iterable[Name] = (),
        deps: Iterable[str] = (),
    ) -> ModuleExports:
        """The canonical (sorted, duplicate-free) form of the given data."""
        avail_list = sorted(set(avails))
        exported = {n for a in avail_list for n in a.names()}
        return ModuleExports(
            module=module,
            package=package,
            avails=tuple(avail_list),
            parents=tuple(sorted((n, p) for n, p in parents.items() if n in exported)),
            fixities=tuple(sorted((n, f) for n, f in fixities.items() if n in exported)),
            fields=tuple(sorted(set(fields) & exported)),
            deps=tuple(sorted(set(deps))),
        )

    def names(self) -> Iterator[Name]:
        """Every exported name, avail by avail."""
        for avail in self.avails:
            yield from avail.names()

    def parent_map(self) -> dict[Name, Name]:
        return dict(self.parents)
