"""``ifacedir lint``: Core Lint (ifacedir.simplify.lint) over files on disk.

``lint_path(path)`` takes a ``ds`` or ``simpl`` file, a module directory (both of its
Core files) or an output directory (every module's, in dependency order, each linted
against the modules before it, whose top-level names it may use). A file that cannot
be read is reported as a problem of that file, never a traceback.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ifacedir.errors import FormatError
from ifacedir.format.layout import MODULE_DIR_SUFFIX, FileRole, ModuleDir, scan_outdir
from ifacedir.iface.model import CorePhase
from ifacedir.simplify.lint import LintWorld, lint_module

__all__ = ["lint_path"]

_ROLES = ((FileRole.DS, CorePhase.DS), (FileRole.SIMPL, CorePhase.SIMPL))


def lint_path(path: Path) -> dict[str, list[str]]:
    """File -> its problems (empty when fine)."""
    from ifacedir.iface.corefile import read_core

    if path.is_file():
        phase = CorePhase.SIMPL if path.name.startswith("simpl") else CorePhase.DS
        return {str(path): _lint_file(path, phase, None)}
    if path.name.endswith(MODULE_DIR_SUFFIX):
        mdirs = [d for d in scan_outdir(path.parent) if d.path == path]
    else:
        mdirs = scan_outdir(path)
    out: dict[str, list[str]] = {}
    for role, phase in _ROLES:
        world = LintWorld()
        ordered = _ordered(mdirs, role, phase)
        for mdir in ordered:
            file = mdir.file(role)
            out[str(file)] = _lint_file(file, phase, world)
            with contextlib.suppress(FormatError):  # reported as that file's problem
                world.add(read_core(file, phase).core)
    return dict(sorted(out.items()))


def _ordered(mdirs: list[ModuleDir], role: FileRole, phase: CorePhase) -> list[ModuleDir]:
    from ifacedir.driver.order import sort_by_deps
    from ifacedir.iface.corefile import open_core

    deps: dict[str, list[str]] = {}
    by_name: dict[str, ModuleDir] = {}
    for d in mdirs:
        if not d.file(role).exists():
            continue
        try:
            with open_core(d, phase) as f:
                deps[d.module.text] = list(f.meta().deps)
        except FormatError:
            deps[d.module.text] = []
        by_name[d.module.text] = d
    return [by_name[n] for n in sort_by_deps(deps)]


def _lint_file(path: Path, phase: CorePhase, world: LintWorld | None) -> list[str]:
    from ifacedir.iface.corefile import read_core

    try:
        module = read_core(path, phase).core
    except FormatError as exc:
        return [f"unreadable: {exc}"]
    return lint_module(module, world)
