"""Package base's back-end files, built once per ``-O`` level and backend, and cached.

The base cache (ifacedir.iface.basecache) holds base's ``tc`` files. A build also
needs base's ``ds``, ``simpl`` and ``.hi`` files (importers' simplifiers read the
unfoldings, backends read the Core) and its backend outputs. They are built from
those ``tc`` files by the same phase functions as any module (ifacedir.driver.compile)
into ``base-<key>.back-O<n>-<backend>/``, a complete output directory, the first time
a build asks for that combination:

1. every base module, in dependency order, is desugared, simplified, given its
   ``.hi`` and its backend output, into a fresh staging directory next to the target;
2. the staging directory is renamed into place, so readers see all of it or none
   (Note [Installing the base cache atomically] in ifacedir.iface.basecache; a lost
   race reads the winner's equal files);
3. a later build only checks that the directory exists; a file found damaged when it
   is read is reported with the advice to clear the cache (``ifacedir cache --clear``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.modulename import ModuleName

if TYPE_CHECKING:
    from ifacedir.backend.plugin import BackendPlugin

__all__ = ["base_back_dir", "ensure_base_backend"]


def base_back_dir(base_dir: Path, level: int, backend: str) -> Path:
    """Next to ``base-<key>/`` (so ``ifacedir cache --clear`` removes it with it)."""
    return base_dir.with_name(f"{base_dir.name}.back-O{level}-{backend}")


def ensure_base_backend(
    base_dir: Path,
    level: int,
    backend: BackendPlugin,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """The directory of base's back-end files for ``level`` and ``backend``, built
    first if absent (see the module docstring)."""
    from ifacedir.driver import compile as phases
    from ifacedir.driver.order import modules_with
    from ifacedir.driver.session import Session

    target = base_back_dir(base_dir, level, backend.name)
    if target.is_dir():
        return target
    names, dirs = modules_with(base_dir, FileRole.TC)
    if progress is not None:
        progress(
            f"building package base's back end (-O{level}, {backend.name}): "
            f"{len(names)} modules, once, into {target}"
        )
    stage = Path(tempfile.mkdtemp(prefix=f".stage-{target.name}.", dir=target.parent))
    try:
        session = Session([base_dir], [stage])
        for name in names:
            dst = ModuleDir(stage, ModuleName(name))
            phases.desugar(session, dirs[name], dst)
            phases.simplify(session, dst, level)
            phases.interface(session, dirs[name], dst, level)
            phases.codegen(session, dst, backend)
        try:
            os.rename(stage, target)
        except OSError:
            if not target.is_dir():
                raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return target
