"""Backends as plugins: what a backend declares, and how ``ifacedir`` finds them.

A backend is an object with

* ``name``: how ``--backend`` names it (lower case, as ``ext/<name>/``);
* ``consumes``: the Core phase file it reads, ``ds`` or ``simpl`` (DESIGN: an
  alternative backend may take over from any phase);
* ``generate(mdir, core)``: produce the module's output from that Core, written under
  ``mdir.ext_dir(name)`` (atomically; it may write nothing, like the interpreter);
* ``run(dirs, entry, world)``: run a program whose modules' directories are ``dirs``
  (dependencies first, package base included), starting at ``entry``; the exit
  status.

They are found through the Python entry-point group ``ifacedir.backends`` (each entry
point names such an object); the built-in ``interp`` and ``python`` backends register
the same way in ``pyproject.toml``. When the package is not installed (running from a
source tree), the built-ins are used directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Final, Protocol, runtime_checkable

from ifacedir.errors import IfacedirError

if TYPE_CHECKING:
    from ifacedir.backend.world import World
    from ifacedir.format.layout import ModuleDir
    from ifacedir.iface.model import CorePhase
    from ifacedir.syntax.core import CoreModule
    from ifacedir.syntax.names import Name

__all__ = ["ENTRY_POINT_GROUP", "BackendPlugin", "UnknownBackendError", "backends", "get_backend"]

ENTRY_POINT_GROUP: Final = "ifacedir.backends"


@runtime_checkable
class BackendPlugin(Protocol):
    """What a backend declares and does; see the module docstring."""

    name: str
    consumes: CorePhase
    description: str

    def generate(self, mdir: ModuleDir, core: CoreModule) -> None: ...

    def run(self, dirs: Sequence[ModuleDir], entry: Name, world: World) -> int: ...


class UnknownBackendError(IfacedirError):
    """``--backend`` names no registered backend."""


def backends() -> dict[str, BackendPlugin]:
    """Every registered backend by name (the built-ins at least)."""
    from ifacedir.backend.builtin import BUILTIN_BACKENDS

    found: dict[str, BackendPlugin] = {b.name: b for b in BUILTIN_BACKENDS}
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not break the others
            raise UnknownBackendError(f"backend plugin {ep.name} ({ep.value}): {exc}") from None
        if not isinstance(obj, BackendPlugin):
            raise UnknownBackendError(f"backend plugin {ep.name} ({ep.value}) is not a backend")
        found[obj.name] = obj
    return dict(sorted(found.items()))


def get_backend(name: str) -> BackendPlugin:
    table = backends()
    found = table.get(name)
    if found is None:
        raise UnknownBackendError(f"unknown backend {name!r} (known: {', '.join(sorted(table))})")
    return found
