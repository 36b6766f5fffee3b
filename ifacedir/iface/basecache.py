"""Package ``base`` as interface files in a per-user cache, built on first use.

Every program imports the Prelude, and renaming plus typechecking package base from
source costs more than a small program itself. DESIGN ("Install"): base is built
like any package on first use and cached. This module keeps it in a cache directory
(spec/FORMAT.md §14, spec/cli.md "The base cache"):

1. **Where**: :func:`cache_root` is ``$IFACEDIR_CACHE`` if set, else
   ``$XDG_CACHE_HOME/ifacedir``, else ``~/.cache/ifacedir``. Base lives in
   ``base-<key>/`` below it, one module directory per module with its ``tc`` file
   (``GHC/Types.hidir/tc.ifc``, ...), written by the same writer as ``check --outdir``.
2. **Key**: :func:`base_key` hashes everything the files are a function of (see
   Note [The base cache key]); a new key is a new directory, so a stale cache is never
   read, only left behind (``ifacedir cache --clear`` removes it).
3. **Load** (:func:`load_base`): check every section's stored bytes against its
   hash, then decode every module's ``meta``, ``exports`` and ``interface`` sections
   (never the ``program``), with each module's interface fingerprint from its
   header. Any failure (a missing, truncated or altered file, an unreadable
   directory) means "rebuild", with a one-line note; never a traceback.
4. **Build**: rename and typecheck base from its sources (ifacedir/lib/base), write
   every module's file into a fresh staging directory next to the target, read the
   staged files back as step 3 does, then rename the staging directory into place
   (see Note [Installing the base cache atomically]). The caller then uses what was
   read back, so a first run and a later run see exactly the same interfaces.

When the cache cannot be written (a read-only home, a full disk), base is checked in
memory as before and the caller is told why in one note.

Note [The base cache key]
~~~~~~~~~~~~~~~~~~~~~~~~~
The directory name ``base-<key>`` is the BLAKE2b-128 (hex) of: the container format
version (major, minor), the syntax-tree codec version, the ``tc`` payload schema
version, the compiler's version, a hash of the compiler's own Python sources (the
``ifacedir`` package: an edit to the typechecker may change base's interfaces without
a version bump, and a developer must not read stale ones), and every base source
file's relative path and bytes. Hashing the compiler and base sources reads about
0.8 MB per run, a few milliseconds. Anything else the files depend on (file names
relative to the base directory, the flags, which are none) is fixed.

Note [Installing the base cache atomically]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Readers must never see half a cache, and two processes building it at once must not
corrupt it. So the whole directory appears at once: it is written under a unique
``.stage-*`` name in the cache root, verified, then ``os.rename``-d to
``base-<key>``. A rename onto an existing non-empty directory fails: the loser of a
race removes its staging directory and reads the winner's (equal) files. A damaged
cache is first renamed aside (``.old-*``) and deleted; a reader that had it open
fails, and rebuilds in turn, but never reads a mix of files it takes for valid
(each file is checked on its own, and equal keys mean equal contents). Staging
directories of killed processes are harmless and removed by ``cache --clear``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ifacedir.errors import IfacedirError
from ifacedir.format.layout import ModuleDir
from ifacedir.modulename import ModuleName
from ifacedir.rename.env import ModuleExports
from ifacedir.util.lock import exclusive

if TYPE_CHECKING:
    from ifacedir.iface.fingerprints import ModuleFingerprints
    from ifacedir.rename.program import ProgramResult
    from ifacedir.typecheck.iface import TcInterface
    from ifacedir.typecheck.typecheck import ProgramTcResult

__all__ = [
    "CACHE_ENV",
    "BaseInterfaces",
    "BaseLoad",
    "base_key",
    "base_modules",
    "cache_root",
    "clear_cache",
    "load_base",
]

CACHE_ENV: Final = "IFACEDIR_CACHE"
_BASE_PREFIX: Final = "base-"
_STAGE_PREFIX: Final = ".stage-"
_OLD_PREFIX: Final = ".old-"
_LOCK_PREFIX: Final = ".lock-"


@dataclass(frozen=True, slots=True)
class BaseInterfaces:
    """Package base as importers see it, per module name."""

    directory: Path
    exports: Mapping[str, ModuleExports]
    interfaces: Mapping[str, TcInterface]
    fingerprints: Mapping[str, bytes]
    """The ``import:`` input of an importer's stage ``typecheck`` file (FORMAT.md §13.1)."""
    export_fingerprints: Mapping[str, bytes]
    """The ``import:`` input of an importer's stage ``rename`` file."""
    tables: Mapping[str, ModuleFingerprints]
    """Each module's entity fingerprints (its tc file's ``fingerprints`` section)."""


@dataclass(frozen=True, slots=True)
class BaseLoad:
    """:func:`load_base`'s result: the interfaces (None: check base in memory), the
    notes for the user (one line each), and whether this call built the cache."""

    base: BaseInterfaces | None
    notes: tuple[str, ...]
    built: bool


def cache_root(environ: Mapping[str, str] | None = None) -> Path:
    """``$IFACEDIR_CACHE``, else ``$XDG_CACHE_HOME/ifacedir``, else ``~/.cache/ifacedir``."""
    env = os.environ if environ is None else environ
    explicit = env.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = env.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "ifacedir"
    return Path.home() / ".cache" / "ifacedir"


def base_modules() -> list[tuple[str, Path]]:
    """Every module of package base with its source file, sorted by name."""
    from ifacedir.lib import base_source_dir

    root = base_source_dir()
    found = [(".".join(p.relative_to(root).with_suffix("").parts), p) for p in root.rglob("*.hs")]
    return sorted(found)


def base_key() -> str:
    """The cache key of package base (see Note [The base cache key])."""
    import ifacedir
    from ifacedir.format.container import FORMAT_MAJOR, FORMAT_MINOR
    from ifacedir.iface.model import TC_SCHEMA_VERSION
    from ifacedir.lib import base_source_dir
    from ifacedir.syntax.codec import CODEC_VERSION

    h = hashlib.blake2b(digest_size=16)
    versions = (FORMAT_MAJOR, FORMAT_MINOR, CODEC_VERSION, TC_SCHEMA_VERSION)
    h.update(f"ifacedir-base {versions} {ifacedir.__version__}\0".encode())
    package = Path(ifacedir.__file__).parent
    for label, root, pattern in (("py", package, "*.py"), ("hs", base_source_dir(), "*.hs")):
        for path in sorted(root.rglob(pattern)):
            data = path.read_bytes()
            rel = path.relative_to(root).as_posix()
            h.update(f"{label} {rel} {len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


def load_base(root: Path | None = None) -> BaseLoad:
    """Package base from the cache, building the cache first if needed (module docstring)."""
    notes: list[str] = []
    try:
        root = cache_root() if root is None else root
        target = root / (_BASE_PREFIX + base_key())
    except Exception as exc:  # See Note [The base cache is only an optimisation]
        return BaseLoad(None, (f"note: no base cache ({_reason(exc)})",), False)
    try:
        if target.exists():
            return BaseLoad(_read(target), (), False)
    except Exception as exc:  # See Note [The base cache is only an optimisation]
        notes.append(f"note: base cache {target} unreadable ({_reason(exc)}); rebuilding it")
    with exclusive(root / (_LOCK_PREFIX + target.name)):
        if not notes:  # another process may have built it while we waited
            with contextlib.suppress(Exception):
                if target.exists():
                    return BaseLoad(_read(target), (), False)
        return _build_and_install(root, target, notes)


def _build_and_install(root: Path, target: Path, notes: list[str]) -> BaseLoad:
    built = _build_in_memory()
    if built is None:
        return BaseLoad(None, tuple(notes), False)  # base has errors: reported by the caller
    try:
        base = _install(root, target, *built)
    except Exception as exc:  # See Note [The base cache is only an optimisation]
        notes.append(
            f"note: cannot write the base cache under {root} ({_reason(exc)}); "
            "base is checked in memory"
        )
        return BaseLoad(None, tuple(notes), False)
    return BaseLoad(base, tuple(notes), True)


# Note [The base cache is only an optimisation]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# Whatever goes wrong with the cache (a damaged file, a directory we may not read or
# write, a file system that refuses renames, even a bug in the reader) must not stop
# a check: the worst outcome is base checked from source, as without a cache. So the
# two cache steps catch every exception and turn it into a one-line note (mypy's
# write_cache and Lark's cache load follow the same rule, STYLE habit 13).


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return str(exc) if isinstance(exc, IfacedirError) else f"{type(exc).__name__}: {exc}"


def _read(directory: Path) -> BaseInterfaces:
    """Check every base module's tc file in ``directory`` (a step 3): its header, meta
    and stored bytes, so a damaged cache is rebuilt now; its sections are decoded only
    when first asked for (Note [Base is decoded lazily])."""
    from ifacedir.iface.model import TcStage
    from ifacedir.iface.tcfile import open_tc

    names = [name for name, _source in base_modules()]
    for name in names:
        mdir = ModuleDir(directory, ModuleName(name))
        with open_tc(mdir) as tc:
            tc.check_stored()
            meta = tc.meta()
            if meta.package != "base" or meta.stage is not TcStage.TYPECHECK:
                raise IfacedirError(f"{mdir.path}: not a typechecked module of package base")
    store = _BaseFiles(directory, names)
    return BaseInterfaces(
        directory,
        _Lazy(store, 0),
        _Lazy(store, 1),
        _Lazy(store, 2),
        _Lazy(store, 3),
        _Lazy(store, 4),
    )


# Note [Base is decoded lazily]
# ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
# A no-op build needs the names of base's modules and the fingerprints of the few it
# uses, not every interface of base decoded: that was a fifth of the time of a no-op
# build of 200 modules. So ``BaseInterfaces``' tables are mappings that read a
# module's file the first time one of its entries is asked for (all five facts at
# once, they are in the same file); the files were checked when the cache was opened.

_Facts = tuple[ModuleExports, "TcInterface", bytes, bytes, "ModuleFingerprints"]


class _BaseFiles:
    def __init__(self, directory: Path, names: list[str]) -> None:
        self.directory = directory
        self.names = names
        self._facts: dict[str, _Facts] = {}

    def facts(self, name: str) -> _Facts:
        found = self._facts.get(name)
        if found is None:
            from ifacedir.iface.tcfile import EXPORTS_SECTION, interface_fingerprint_of, open_tc

            mdir = ModuleDir(self.directory, ModuleName(name))
            with open_tc(mdir) as tc:
                exports = tc.exports()
                iface = tc.interface()
                section = tc.header.section(EXPORTS_SECTION)
                fp = interface_fingerprint_of(tc.header)
                table = tc.fingerprints()
            if iface is None or section is None or fp is None or table is None:
                raise IfacedirError(f"{mdir.path}: its tc file lacks a typechecked section")
            found = self._facts[name] = (exports, iface, fp, section.raw_hash, table)
        return found


class _Lazy(Mapping[str, Any]):
    """One column of ``_BaseFiles``' facts, as a read-only mapping by module name."""

    def __init__(self, store: _BaseFiles, column: int) -> None:
        self._store = store
        self._column = column

    def __getitem__(self, name: str) -> Any:
        if name not in self._store.names:
            raise KeyError(name)
        return self._store.facts(name)[self._column]

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.names)

    def __len__(self) -> int:
        return len(self._store.names)

    def __contains__(self, name: object) -> bool:
        return name in self._store.names


def _build_in_memory() -> tuple[ProgramResult, ProgramTcResult] | None:
    """Rename and typecheck base from source; None if it has errors."""
    from ifacedir.rename.program import rename_base_library
    from ifacedir.typecheck.typecheck import typecheck_renamed

    renamed = rename_base_library()
    typed = typecheck_renamed(renamed)
    return (renamed, typed) if typed.ok else None


def _install(
    root: Path, target: Path, renamed: ProgramResult, typed: ProgramTcResult
) -> BaseInterfaces:
    """Write, verify and rename into place (Note [Installing the base cache atomically])."""
    root.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=_STAGE_PREFIX + target.name + ".", dir=root))
    try:
        _write(stage, renamed, typed)
        _read(stage)  # verify what was written before it goes into place
        if target.exists():  # damaged: move it aside, whole, before replacing it
            old = Path(tempfile.mkdtemp(prefix=_OLD_PREFIX, dir=root))
            with contextlib.suppress(OSError):  # another process moved it first
                os.rename(target, old / target.name)
            shutil.rmtree(old, ignore_errors=True)
        try:
            os.rename(stage, target)
        except OSError:
            if not target.is_dir():
                raise
            return _read(target)  # another process installed it first: read theirs
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return _read(target)  # its lazy tables read from where the files now are


def _write(stage: Path, renamed: ProgramResult, typed: ProgramTcResult) -> None:
    """Every base module's tc file, with the inputs ``check --outdir`` would record."""
    from ifacedir.iface.fingerprints import program_fingerprints
    from ifacedir.iface.tcfile import interface_fingerprint, tc_inputs, tc_payload, write_tc

    sources = dict(renamed.sources)
    results = {r.module.name: r for r in typed.modules}
    tables = program_fingerprints(((m, results[m.exports.module]) for m in renamed.modules), {})
    fingerprints = {
        m.exports.module: interface_fingerprint(m.exports, results[m.exports.module].interface)
        for m in renamed.modules
    }
    for m in renamed.modules:
        name = m.exports.module
        imports = {i.module: fingerprints[i.module] for i in m.imports}
        inputs = tc_inputs(sources[m.module.span.file], imports)
        own, usages = tables[name]
        write_tc(stage, name, tc_payload(m, results[name], None, own, usages), inputs)


def clear_cache(root: Path | None = None) -> list[Path]:
    """Remove every base cache, staging and old directory under the cache root (nothing
    else: the root may be shared); return what was removed."""
    root = cache_root() if root is None else root
    removed: list[Path] = []
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        ours = entry.name.startswith((_BASE_PREFIX, _STAGE_PREFIX, _OLD_PREFIX))
        if ours and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
        elif entry.name.startswith(_LOCK_PREFIX) and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()
    return removed
