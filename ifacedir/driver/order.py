"""The modules of an output directory in dependency order, from their files' headers.

Every ``tc``, ``ds`` and ``simpl`` file's ``meta`` lists the modules below it (its
transitive imports, ``deps``). A module's ``deps`` strictly contain the ``deps`` of
each module it lists, so sorting by the number of ``deps`` (then by name, for
determinism) puts every module after all the modules below it: a topological order
found without building a graph.
"""

from __future__ import annotations

from pathlib import Path

from ifacedir.format.layout import FileRole, ModuleDir, scan_outdir
from ifacedir.iface.model import CorePhase

__all__ = ["module_facts", "modules_with", "sort_by_deps"]


def sort_by_deps(deps: dict[str, list[str]]) -> list[str]:
    """Module names, each after everything in its ``deps`` (see the module docstring)."""
    return sorted(deps, key=lambda m: (len(deps[m]), m))


def modules_with(outdir: Path, role: FileRole) -> tuple[list[str], dict[str, ModuleDir]]:
    """The modules of ``outdir`` that have a file of ``role``, in dependency order."""
    from ifacedir.iface.corefile import open_core
    from ifacedir.iface.tcfile import open_tc

    deps: dict[str, list[str]] = {}
    dirs: dict[str, ModuleDir] = {}
    for mdir in scan_outdir(outdir):
        if not mdir.file(role).exists():
            continue
        name = mdir.module.text
        if role is FileRole.TC:
            with open_tc(mdir) as tc:
                deps[name] = list(tc.meta().deps)
        else:
            phase = CorePhase.DS if role is FileRole.DS else CorePhase.SIMPL
            with open_core(mdir, phase) as f:
                deps[name] = list(f.meta().deps)
        dirs[name] = mdir
    return sort_by_deps(deps), dirs


def module_facts(outdir: Path, role: FileRole) -> dict[str, tuple[list[str], list[str]]]:
    """For each module of ``outdir`` with a file of ``role`` (``tc`` or ``ds``), in
    dependency order: the modules below it and the other members of its import loop
    (from the file's ``meta``, and for ``tc`` its ``usages``)."""
    from ifacedir.iface.corefile import open_core
    from ifacedir.iface.tcfile import open_tc

    found: dict[str, tuple[list[str], list[str]]] = {}
    for mdir in scan_outdir(outdir):
        if not mdir.file(role).exists():
            continue
        name = mdir.module.text
        if role is FileRole.TC:
            with open_tc(mdir) as tc:
                usages = tc.usages()
                found[name] = (list(tc.meta().deps), list(usages.loop) if usages else [])
        else:
            with open_core(mdir, CorePhase.DS) as f:
                meta = f.meta()
                found[name] = (list(meta.deps), list(meta.loop))
    order = sort_by_deps({m: deps for m, (deps, _loop) in found.items()})
    return {m: found[m] for m in order}
