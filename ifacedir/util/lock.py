"""An advisory lock between processes, for work that must not be done twice at once.

Building package base's cache directories takes seconds; two processes starting at
the same moment (two test workers, two ``ifacedir build`` runs, the parallel driver's
workers) would both do all of it and one would throw its result away. ``exclusive``
takes an ``flock(2)`` lock on a file next to the work, so the second waits and then
finds the work done. Correctness never depends on it: every cache directory is still
staged and renamed into place (Note [Installing the base cache atomically] in
ifacedir.iface.basecache), so where ``flock`` is unavailable or fails the lock is
simply skipped.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["exclusive"]


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed) inside the block."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, still correct
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
