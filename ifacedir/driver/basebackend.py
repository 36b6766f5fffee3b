"""Package base's back-end files, built once per ``-O`` level and backend, and cached.

The base cache (ifacedir.iface.basecache) holds base's ``tc`` files. A build also
needs base's ``ds``, ``simpl`` and ``.hi`` files (importers' simplifiers read the
unfoldings, backends read the Core) and its backend outputs. They are built from
those ``tc`` files by the same phase functions as any module (ifacedir.driver.compile)
into ``base-<key>.back-O<n>/``, a complete output directory, the first time a build
asks for that level:

1. every base module, in dependency order, is desugared (once for all levels, into
   ``base-<key>.back-ds/``), then simplified and given its ``.hi``, into a fresh
   staging directory next to the target;
2. the staging directory is renamed into place, so readers see all of it or none
   (Note [Installing the base cache atomically] in ifacedir.iface.basecache; a lost
   race reads the winner's equal files);
3. the first build with a given backend adds that backend's output to every module
   (each file written atomically, so racing writers write the same bytes), then the
   marker ``.codegen-<backend>``;
4. a later build only checks that the directory and the marker exist; a file found
   damaged when it is read is reported with the advice to clear the cache
   (``ifacedir cache --clear``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.iface.sections import write_file
from ifacedir.modulename import ModuleName
from ifacedir.util.lock import exclusive

if TYPE_CHECKING:
    from ifacedir.backend.plugin import BackendPlugin

__all__ = ["base_back_dir", "ensure_base_backend"]


def _ensure_ds(
    base_dir: Path,
    names: list[str],
    dirs: dict[str, ModuleDir],
    progress: Callable[[str], None] | None,
) -> Path:
    """Base's ``ds`` files, shared by every level (desugaring has no flag)."""
    from ifacedir.driver import compile as phases
    from ifacedir.driver.session import Session

    target = base_dir.with_name(f"{base_dir.name}.back-ds")
    if not target.is_dir():
        if progress is not None:
            progress(f"desugaring package base ({len(names)} modules), once, into {target}")

        def fill(stage: Path) -> None:
            session = Session([base_dir], [stage])
            for name in names:
                phases.desugar(session, dirs[name], ModuleDir(stage, ModuleName(name)))

        _install(target, fill)
    return target


def _install(target: Path, fill: Callable[[Path], None]) -> None:
    """``fill`` a staging directory next to ``target``, then rename it into place."""
    stage = Path(tempfile.mkdtemp(prefix=f".stage-{target.name}.", dir=target.parent))
    try:
        fill(stage)
        try:
            os.rename(stage, target)
        except OSError:
            if not target.is_dir():
                raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def base_back_dir(base_dir: Path, level: int) -> Path:
    """Next to ``base-<key>/`` (so ``ifacedir cache --clear`` removes it with it)."""
    return base_dir.with_name(f"{base_dir.name}.back-O{level}")


def ensure_base_backend(
    base_dir: Path,
    level: int,
    backend: BackendPlugin,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """The directory of base's back-end files for ``level``, built first if absent,
    with ``backend``'s outputs (see the module docstring)."""

    target = base_back_dir(base_dir, level)
    done = target / f".codegen-{backend.name}"
    if done.exists():
        return target
    with exclusive(base_dir.with_name(f".lock-{base_dir.name}.back")):
        return _ensure_locked(base_dir, level, backend, progress)


def _ensure_locked(
    base_dir: Path,
    level: int,
    backend: BackendPlugin,
    progress: Callable[[str], None] | None,
) -> Path:
    from ifacedir.driver import compile as phases
    from ifacedir.driver.order import modules_with
    from ifacedir.driver.session import Session

    target = base_back_dir(base_dir, level)
    names, dirs = modules_with(base_dir, FileRole.TC)
    if not target.is_dir():
        ds_dir = _ensure_ds(base_dir, names, dirs, progress)
        if progress is not None:
            progress(f"simplifying package base at -O{level}, once, into {target}")

        def fill(stage: Path) -> None:
            session = Session([base_dir], [stage])
            for name in names:
                dst = ModuleDir(stage, ModuleName(name))
                ds = ModuleDir(ds_dir, ModuleName(name)).file(FileRole.DS)
                write_file(dst.file(FileRole.DS), ds.read_bytes())
                phases.simplify(session, dst, level)
                phases.interface(session, dirs[name], dst, level)

        _install(target, fill)
    done = target / f".codegen-{backend.name}"
    if not done.exists():
        if progress is not None:
            progress(f"generating package base's code for backend {backend.name}, once")
        session = Session([base_dir], [target])
        for name in names:
            phases.codegen(session, ModuleDir(target, ModuleName(name)), backend)
        write_file(done, b"")  # after every module's output, each written atomically
    return target
