"""Atomic file replacement: readers see the old file or the new one, never a mix.

``atomic_write_bytes`` writes to a uniquely named temporary file in the target's
own directory (a rename is atomic only within one file system), then
``os.replace``-s it over the target. If anything fails before the rename the
temporary file is removed. A process killed between the two steps leaves only a
stray ``.<name>.<random>.tmp`` file, which no reader looks at (names starting with
a dot are never interface files) and which :func:`remove_stale_temporaries` cleans.
See Note [No fsync by default] in ifacedir.format.container for ``durable``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Final

__all__ = ["TEMP_SUFFIX", "atomic_write_bytes", "is_temporary", "remove_stale_temporaries"]

TEMP_SUFFIX: Final = ".tmp"


def is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically (creating it if absent)."""
    directory = path.parent
    tmp = directory / f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(directory: Path) -> list[Path]:
    """Delete temporaries left by killed writers in ``directory``; return what was removed.

    Only safe when no writer is running in that directory (the driver calls it at the
    start of a build, under its lock).
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        if is_temporary(entry.name) and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return sorted(removed)
