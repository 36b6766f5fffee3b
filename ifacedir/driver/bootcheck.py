"""Checking a module against its hs-boot file, once its import loop is complete.

DESIGN, "The driver" 2 (GHC's ``checkHiBootIface``). The modules of a loop were
typechecked against the boot interface, so the module must provide everything it
promised, exactly as promised:

* every name the boot file exports, the module exports too;
* a value has the same type scheme;
* a data type has the same kind and parameters, and, unless the boot file declares
  it abstract (no constructors), the same constructors with the same fields;
* a type synonym and a class are the same;
* every instance the boot file declares, the module declares.

``boot_mismatches`` returns one (entity, message) per broken promise.
"""

from __future__ import annotations

from ifacedir.rename.env import ModuleExports
from ifacedir.syntax.names import Name
from ifacedir.typecheck.iface import TcInterface

__all__ = ["boot_mismatches"]


def _shown(n: Name) -> str:
    return f"({n.occ})" if n.is_operator else n.occ


def boot_mismatches(
    boot: TcInterface, boot_exports: ModuleExports, real: TcInterface, real_exports: ModuleExports
) -> list[tuple[Name, str]]:
    """Every way ``real`` breaks what ``boot`` declared (see the module docstring)."""
    from ifacedir.syntax.types import TypePrinter

    out: list[tuple[Name, str]] = []
    exported = set(real_exports.names())
    for n in sorted(boot_exports.names()):
        if n not in exported:
            message = f"‘{_shown(n)}’ is exported by the hs-boot file, but not by the module"
            out.append((n, message))
    values = {v.name: v.scheme for v in real.values}
    for v in boot.values:
        if v.name in values and values[v.name] != v.scheme:
            out.append(
                (
                    v.name,
                    f"Type of ‘{_shown(v.name)}’ differs from its hs-boot declaration:"
                    f" the module has ‘{TypePrinter().scheme(values[v.name])}’,"
                    f" the hs-boot file ‘{TypePrinter().scheme(v.scheme)}’",
                )
            )
    data = {d.name: d for d in real.data_types}
    for d in boot.data_types:
        mine = data.get(d.name)
        if mine is None:
            out.append(
                (d.name, f"Type ‘{d.name.occ}’ is declared in the hs-boot file, not in the module")
            )
        elif (mine.kind, mine.params, mine.is_newtype) != (d.kind, d.params, d.is_newtype) or (
            d.constructors and mine.constructors != d.constructors
        ):
            out.append((d.name, f"Type ‘{d.name.occ}’ differs from its hs-boot declaration"))
    synonyms = {s.synonym.name: s for s in real.synonyms}
    for s in boot.synonyms:
        if synonyms.get(s.synonym.name) != s:
            name = s.synonym.name
            out.append((name, f"Type synonym ‘{name.occ}’ differs from its hs-boot declaration"))
    classes = {c.cls.name: c for c in real.classes}
    for c in boot.classes:
        if classes.get(c.cls.name) != c:
            out.append(
                (c.cls.name, f"Class ‘{c.cls.name.occ}’ differs from its hs-boot declaration")
            )
    heads = {i.instance.qual.head for i in real.instances}
    for i in boot.instances:
        if i.instance.qual.head not in heads:
            head = i.instance.qual.head
            message = f"Instance {head.cls.occ} of the hs-boot file is not declared by the module"
            out.append((head.cls, message))
    return out
