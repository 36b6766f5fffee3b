"""The modules of an output directory in dependency order, from their files' headers.

Every ``tc``, ``ds`` and ``simpl`` file's ``meta`` lists the modules below it (its
transitive imports, ``deps``). A module's ``deps`` strictly contain the ``deps`` of
each module it lists, so sorting by the number of ``deps`` (then by name, for
determinism) puts every module after all the modules below it: a topological order
found without building a graph.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ifacedir.format.layout import FileRole, ModuleDir, scan_outdir
from ifacedir.iface.model import CoreMeta, CorePhase, TcMeta

_T = TypeVar("_T")

__all__ = ["module_facts", "modules_with", "sort_by_deps"]


def sort_by_deps(deps: dict[str, list[str]]) -> list[str]:
    """Module names, each after everything in its ``deps`` (see the module docstring)."""
    return sorted(deps, key=lambda m: (len(deps[m]), m))


def _each(outdir: Path, role: FileRole, read: Callable[[ModuleDir], _T]) -> dict[str, _T]:
    """``read(mdir)`` for every module of ``outdir`` that has a file of ``role``."""
    return {
        mdir.module.text: read(mdir) for mdir in scan_outdir(outdir) if mdir.file(role).exists()
    }


def _meta(mdir: ModuleDir, role: FileRole) -> TcMeta | CoreMeta:
    from ifacedir.iface.corefile import open_core
    from ifacedir.iface.tcfile import open_tc

    if role is FileRole.TC:
        with open_tc(mdir) as tc:
            return tc.meta()
    with open_core(mdir, CorePhase.DS if role is FileRole.DS else CorePhase.SIMPL) as f:
        return f.meta()


def modules_with(outdir: Path, role: FileRole) -> tuple[list[str], dict[str, ModuleDir]]:
    """The modules of ``outdir`` that have a file of ``role``, in dependency order."""
    found = _each(outdir, role, lambda mdir: (mdir, list(_meta(mdir, role).deps)))
    order = sort_by_deps({m: deps for m, (_mdir, deps) in found.items()})
    return order, {m: mdir for m, (mdir, _deps) in found.items()}


def module_facts(outdir: Path, role: FileRole) -> dict[str, tuple[list[str], list[str]]]:
    """For each module of ``outdir`` with a file of ``role`` (``tc`` or ``ds``), in
    dependency order: the modules below it and the other members of its import loop
    (from the file's ``meta``, and for ``tc`` its ``usages``)."""
    from ifacedir.iface.tcfile import open_tc

    def read(mdir: ModuleDir) -> tuple[list[str], list[str]]:
        if role is FileRole.TC:
            with open_tc(mdir) as tc:
                usages = tc.usages()
                return list(tc.meta().deps), list(usages.loop) if usages else []
        meta = _meta(mdir, role)
        assert isinstance(meta, CoreMeta)
        return list(meta.deps), list(meta.loop)

    found = _each(outdir, role, read)
    order = sort_by_deps({m: deps for m, (deps, _loop) in found.items()})
    return {m: found[m] for m in order}
