"""The build-state cache: facts about files, remembered by (size, mtime), to skip work.

DESIGN, "Speed where users feel it": a no-op build of 1,000 modules must be far faster
than ``ghc --make``'s, so it must not parse 1,000 headers, hash 1,000 sources and
verify 5,000 phase files each time. ``BuildState`` keeps, per file path, what was
computed from the file (its header's imports, its hash, a phase file's recorded
inputs, ...) with the file's size and modification time; a later build asks
``memo(path, kind, compute)`` and gets the remembered value when the file's size and
mtime are unchanged, else computes (and remembers) it again.

See Note [The build state is never the source of truth].

Note [The build state is never the source of truth]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Everything in it can be recomputed from the files, and is: a missing, unreadable,
truncated or altered state file (it ends with a BLAKE2b-128 of its contents), one of
another version, or one that does not decode as expected is ignored whole, and the
build reads the files themselves. A remembered value is used only if the file's size
and mtime are what they were *and* the file was last modified more than a second
before the state was saved (a file changed in the same instant as it was recorded
could change again without its mtime moving: git's "racy clean" problem). The state
lives in the output directory (``.build-state.cbor``, a hidden name that
``scan_outdir`` and ``verify`` skip), is written atomically at the end of a build, and
a failure to write it is not an error.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

from ifacedir.format import cbor
from ifacedir.format.fingerprint import FINGERPRINT_SIZE, fingerprint

__all__ = ["STATE_NAME", "BuildState"]

STATE_NAME: Final = ".build-state.cbor"
_VERSION: Final = 1
_RACY_NS: Final = 1_000_000_000
_LIMIT: Final = 256 * 1024 * 1024

_T = TypeVar("_T", bound=cbor.CborValue)


class BuildState:
    """See the module docstring. ``BuildState.disabled()`` remembers nothing."""

    def __init__(self, path: Path | None, entries: dict[str, list[cbor.CborValue]], saved_ns: int):
        self._path = path
        self._entries = entries
        self._saved_ns = saved_ns
        self._dirty = False

    @staticmethod
    def disabled() -> BuildState:
        return BuildState(None, {}, 0)

    @staticmethod
    def load(outdir: Path) -> BuildState:
        path = outdir / STATE_NAME
        try:
            with path.open("rb") as f:
                data = f.read(_LIMIT + 1)
        except OSError:
            return BuildState(path, {}, 0)
        body, check = data[:-FINGERPRINT_SIZE], data[-FINGERPRINT_SIZE:]
        if len(data) > _LIMIT or fingerprint(body) != check:
            return BuildState(path, {}, 0)
        try:
            value = cbor.decode(body)
        except cbor.CborError:
            return BuildState(path, {}, 0)
        if not (
            isinstance(value, list)
            and len(value) == 3
            and value[0] == _VERSION
            and isinstance(value[1], int)
            and isinstance(value[2], dict)
        ):
            return BuildState(path, {}, 0)
        entries: dict[str, list[cbor.CborValue]] = {}
        for key, entry in value[2].items():
            if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], dict):
                entries[key] = entry
        return BuildState(path, entries, value[1])

    def memo(self, path: Path, kind: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, or what it gave for this version of the file before."""
        if self._path is None:
            return compute()
        try:
            st = os.stat(path)
        except OSError:
            return compute()
        key = str(path)
        entry = self._entries.get(key)
        if entry is not None and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
            facts = entry[2]
            assert isinstance(facts, dict)
            trusted = st.st_mtime_ns < self._saved_ns - _RACY_NS
            if trusted and kind in facts:
                return facts[kind]  # type: ignore[return-value]
        else:
            entry = self._entries[key] = [st.st_size, st.st_mtime_ns, {}]
        value = compute()
        facts = entry[2]
        assert isinstance(facts, dict)
        facts[kind] = value
        self._dirty = True
        return value

    def save(self) -> None:
        """Write the state (atomically); a failure is ignored (see the Note)."""
        if self._path is None or not self._dirty:
            return
        from ifacedir.util.atomic import atomic_write_bytes

        live = {k: e for k, e in self._entries.items() if os.path.exists(k)}
        try:
            body = cbor.encode([_VERSION, time.time_ns(), dict(sorted(live.items()))])
            self._path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self._path, body + fingerprint(body))
        except (OSError, cbor.CborError):
            pass
