"""``Session``: where a build's modules live, and what has been read of them.

A module's files are in one of several output directories: the program's own
(``outdir``) and package base's in the per-user cache (its ``tc`` files in
``base-<key>/``, its later phases in ``base-<key>/back-O<n>-<backend>/``, built by
ifacedir.driver.basebackend). ``Session`` looks a module up in its *roots*, in order,
and caches what later phases need of it, reading each file lazily (only the section
asked for, Note [Lazy sections] in ifacedir.format.container):

* ``interface(m)``: the ``TcInterface`` of ``m`` (its ``tc`` file's ``interface``
  section); ``exports(m)``, ``fingerprints(m)`` and ``import_fingerprint(m)`` likewise
  (each with ``boot`` for the module's boot interface), all through ``_tc_value``;
* ``unfoldings(m)``: the ``unfoldings`` section of ``m``'s ``.hi``;
  ``unfolding_hashes(m)``: the hash of each, from its ``meta``;
* ``core(m)``: the Core a backend or Core Lint reads (its ``simpl`` or ``ds`` file).

A file that cannot be read raises the library's own ``FormatError``, naming it.

Note [Decoded sections are cached per process]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Every build reads the interfaces and unfoldings of package base's modules, and a
test run or a long-lived tool builds many programs in one process. Decoded values are
immutable, so they are kept in a process-wide table keyed by the file's path, size
and modification time (and the section): a file rewritten in place gets a new key,
so a stale value is never returned, and the table never needs invalidating.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from ifacedir.errors import IfacedirError
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.fingerprints import ModuleFingerprints
from ifacedir.iface.model import CorePhase
from ifacedir.modulename import ModuleName
from ifacedir.rename.env import ModuleExports
from ifacedir.syntax import core
from ifacedir.typecheck.iface import TcInterface

if TYPE_CHECKING:
    from ifacedir.iface.tcfile import TcFile

__all__ = ["MissingModuleError", "Session", "cached_core"]

_DECODED: dict[tuple[str, int, int, str], object] = {}
"""See Note [Decoded sections are cached per process]."""


_T = TypeVar("_T")


def _decoded(path: Path, section: str, load: Callable[[], _T]) -> _T:
    """``load()``, or what it gave for this version of the file before."""
    try:
        st = path.stat()
    except OSError:
        return load()  # the reader reports the error
    key = (str(path), st.st_size, st.st_mtime_ns, section)
    if key not in _DECODED:
        _DECODED[key] = load()
    return cast(_T, _DECODED[key])


class MissingModuleError(IfacedirError):
    """A module a phase needs has no file in any root."""


@dataclass
class Session:
    """See the module docstring. ``tc_roots``: where ``tc`` files are looked up;
    ``back_roots``: where ``ds``, ``simpl``, ``.hi`` and backend outputs are."""

    tc_roots: Sequence[Path]
    back_roots: Sequence[Path]
    _tc_values: dict[str, dict[tuple[bool, str], object]] = field(default_factory=dict)
    """What was read of each module's tc file (and boot interface), by (boot, what)."""
    checked: dict[tuple[str, bool], ModuleFingerprints] = field(default_factory=dict)
    """The recompilation check's fingerprints per (module, boot) for this build
    (ifacedir.driver.inputs); emptied for a module by ``forget``."""
    _unfoldings: dict[str, core.Unfoldings] = field(default_factory=dict)
    _core: dict[tuple[str, CorePhase], core.CoreModule] = field(default_factory=dict)

    def find(self, module: str, role: FileRole, roots: Sequence[Path] | None = None) -> ModuleDir:
        """The directory of ``module`` that has a file of ``role``."""
        name = ModuleName(module)
        search = (
            roots
            if roots is not None
            else (self.tc_roots if role is FileRole.TC else self.back_roots)
        )
        for root in search:
            mdir = ModuleDir(root, name)
            if mdir.file(role).exists():
                return mdir
        where = ", ".join(str(r) for r in search) or "no directory"
        raise MissingModuleError(f"module {module}: no {role.tag} file in {where}")

    def _tc_value(self, module: str, boot: bool, what: str, read: Callable[[TcFile], _T]) -> _T:
        """``read`` of ``module``'s ``tc`` file (``boot``: its boot interface), once per
        session and once per version of the file (Note [Decoded sections are cached
        per process])."""
        values = self._tc_values.setdefault(module, {})
        key = (boot, what)
        if key not in values:
            from ifacedir.iface.tcfile import open_tc

            role = FileRole.BOOT_HI if boot else FileRole.TC
            mdir = self.find(module, role, self.tc_roots)

            def load() -> _T:
                with open_tc(mdir, boot) as tc:
                    return read(tc)

            values[key] = _decoded(mdir.file(role), what, load)
        return cast(_T, values[key])

    def interface(self, module: str, boot: bool = False) -> TcInterface:
        """``boot``: the interface of the module's hs-boot file (its ``.hi-boot``)."""

        def read(tc: TcFile) -> TcInterface:
            iface = tc.interface()
            if iface is None:
                raise MissingModuleError(f"module {module}: its tc file is not typechecked")
            return iface

        return self._tc_value(module, boot, "interface", read)

    def exports(self, module: str, boot: bool = False) -> ModuleExports:
        """The ``exports`` section of ``module``'s ``tc`` file (what its renamer read);
        ``boot``: of its boot interface."""
        return self._tc_value(module, boot, "exports", lambda tc: tc.exports())

    def fingerprints(self, module: str, boot: bool = False) -> ModuleFingerprints:
        """The ``fingerprints`` section of ``module``'s ``tc`` file (or boot interface);
        read alone, the recompilation check needs nothing else of the file."""
        found = self._tc_value(module, boot, "fingerprints", lambda tc: tc.fingerprints())
        if found is None:
            raise MissingModuleError(f"module {module}: its tc file records no fingerprints")
        return found

    def import_fingerprint(self, module: str, boot: bool = False) -> bytes:
        """What an importer's ``tc`` file records as its ``import:<module>`` input."""
        from ifacedir.iface.tcfile import interface_fingerprint_of

        def read(tc: TcFile) -> bytes:
            fp = interface_fingerprint_of(tc.header)
            if fp is None:
                raise MissingModuleError(f"module {module}: its tc file is not typechecked")
            return fp

        return self._tc_value(module, boot, "import-fingerprint", read)

    def unfoldings(self, module: str) -> core.Unfoldings:
        """The ``unfoldings`` section of ``module``'s ``.hi``."""
        found = self._unfoldings.get(module)
        if found is None:
            from ifacedir.iface.hifile import UNFOLDINGS_SECTION, open_hi

            mdir = self.find(module, FileRole.HI)

            def load() -> core.Unfoldings:
                with open_hi(mdir) as hi:
                    return hi.unfoldings()

            found = self._unfoldings[module] = _decoded(
                mdir.file(FileRole.HI), UNFOLDINGS_SECTION, load
            )
        return found

    def unfolding_hashes(self, module: str) -> dict[str, str]:
        """The ``unfolding_hashes`` of ``module``'s ``.hi`` meta (its small section)."""
        from ifacedir.iface.hifile import open_hi

        path = self.find(module, FileRole.HI).file(FileRole.HI)

        def load() -> dict[str, str]:
            with open_hi(path) as hi:
                return dict(hi.meta().unfolding_hashes)

        return _decoded(path, "unfolding-hashes", load)

    def core(self, module: str, phase: CorePhase) -> core.CoreModule:
        key = (module, phase)
        found = self._core.get(key)
        if found is None:
            from ifacedir.iface.corefile import read_core

            role = FileRole.DS if phase is CorePhase.DS else FileRole.SIMPL
            path = self.find(module, role).file(role)
            found = self._core[key] = _decoded(path, "core", lambda: read_core(path, phase).core)
        return found

    def forget(self, module: str) -> None:
        """Drop what was cached of ``module`` (its files were just rewritten)."""
        self._tc_values.pop(module, None)
        for boot in (False, True):
            self.checked.pop((module, boot), None)
        self._unfoldings.pop(module, None)
        for phase in CorePhase:
            self._core.pop((module, phase), None)


def cached_core(mdir: ModuleDir, phase: CorePhase) -> core.CoreModule:
    """The Core of ``mdir``'s ``ds`` or ``simpl`` file, decoded once per version of
    the file (Note [Decoded sections are cached per process])."""
    from ifacedir.iface.corefile import read_core

    role = FileRole.DS if phase is CorePhase.DS else FileRole.SIMPL
    path = mdir.file(role)
    return _decoded(path, "core", lambda: read_core(path, phase).core)
