"""``rename_program``: find, parse and rename every module a program needs.

The front end of a whole program, in the order GHC's ``--make`` works (Note
[Upsweep] in GHC), without writing anything:

1. **Downsweep**: starting from the roots, parse each module and follow its
   imports (including the implicit ``Prelude``). The roots are the main file, or,
   when the program is a directory, every ``.hs``/``.lhs`` file below it (module
   ``A.B`` for ``A/B.hs``, see Note [A directory of modules]). A module ``A.B`` is
   the file ``A/B.hs`` or ``A/B.lhs`` under the main file's directory (or the
   program directory) or one of the search directories, in that order; failing
   those, a module of package ``base``: its interface when the caller passes one
   (``base``, read from the base cache by ifacedir.iface.basecache), else its source
   (ifacedir/lib/base). A module found nowhere is "Could not find module", reported
   at the import with the paths tried; a file whose header names another module is
   an error too.
2. **Order**: imports must form no cycle (hs-boot files are a later issue); a cycle
   is reported at the import that closes it, naming the modules in the loop. The
   modules are then renamed in dependency order (a depth-first post-order that
   follows imports in source order, so the order is a function of the sources).
3. **Upsweep**: each module is renamed against the ``ModuleExports`` of its imports.
   A module whose import failed is skipped, as GHC skips it. Modules of ``base`` are
   renamed once per process and cached (see Note [Caching the base library]).

The result lists the renamed modules and every diagnostic: those of the downsweep
first (GHC reports them before compiling anything), then each module's in
dependency order, each module's in the order its pass reports them. Modules taken
from ``base`` interfaces are not renamed again: the result lists their
``ModuleExports`` apart (``ProgramResult.imported``).

Note [A directory of modules]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
``rename_program(DIR)`` checks every module below DIR, as ``ghc --make`` checks all
the modules named on its command line: each ``.hs`` or ``.lhs`` file (in hidden
directories, those starting with a dot, and in ``*.hidir`` output directories
excepted) is a root whose module name is its path relative to DIR with the
separators turned into dots (``Data/Queue.hs`` is ``Data.Queue``), and its header
must name that module (error R020 otherwise, as for an imported module). The roots
are taken in module-name order and share one downsweep, so a module imported by
several roots is read once, and the upsweep renames them all in dependency order.
DIR is also the first search directory, so the roots import each other by name.

Note [Caching the base library]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
Every program imports Prelude, and renaming the base library is a noticeable part
of renaming a small program. Base modules import only base modules, so their
renaming does not depend on the program: we keep the parsed and the renamed modules
in process-wide dicts keyed by the file's path, size and modification time, so an
edited base source is read again. Only successful results are cached.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ifacedir.diagnostics import Diagnostic, SourceError, error
from ifacedir.lib import base_source_dir as base_dir
from ifacedir.parse.parser import parse_module
from ifacedir.parse.source import program_modules, read_source
from ifacedir.rename.env import ModuleExports
from ifacedir.rename.rename import RenamedModule, implicit_imports, rename_module
from ifacedir.syntax.ast import ImportDecl, Module
from ifacedir.syntax.names import RdrName

__all__ = [
    "BASE_PACKAGE",
    "MAIN_PACKAGE",
    "ProgramResult",
    "base_dir",
    "program_modules",
    "rename_base_library",
    "rename_program",
]

BASE_PACKAGE: Final = "base"
MAIN_PACKAGE: Final = "main"
_SUFFIXES: Final = (".hs", ".lhs")


@dataclass(frozen=True, slots=True)
class ProgramResult:
    """Renamed modules in dependency order, all diagnostics, and the sources read."""

    modules: tuple[RenamedModule, ...]
    diagnostics: tuple[Diagnostic, ...]
    sources: tuple[tuple[str, str], ...]  # file label (as in spans) -> text
    imported: tuple[ModuleExports, ...] = ()
    """The exports of the base modules taken from their interfaces (not renamed here),
    in the order the downsweep met them."""

    @property
    def ok(self) -> bool:
        return not self.diagnostics


@dataclass
class _Source:
    """One module found and parsed during the downsweep."""

    name: str
    label: str
    path: Path
    package: str
    text: str
    module: Module[RdrName] | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    interface: ModuleExports | None = None  # a base module taken from its interface


# See Note [Caching the base library]
_BASE_PARSED: dict[tuple[str, int, int], Module[RdrName]] = {}
_BASE_CACHE: dict[tuple[str, int, int], RenamedModule] = {}


def rename_program(
    main: Path,
    search_path: Sequence[Path] = (),
    base: Mapping[str, ModuleExports] | None = None,
) -> ProgramResult:
    """Parse and rename ``main`` and every module it imports (see the module docstring).

    ``main`` is the main file, or a directory whose every module is a root (Note [A
    directory of modules]). ``base``, if given, holds the exports of the modules of
    package base, used instead of their sources.
    """
    if main.is_dir():
        state = _Program([main, *search_path], base)
        roots = [
            state.load_file(path, label, MAIN_PACKAGE, name)
            for name, label, path in program_modules(main)
        ]
        return state.run(roots)
    state = _Program([main.parent, *search_path], base)
    root = state.load_file(main, main.name, MAIN_PACKAGE, None)
    return state.run([root])


def rename_base_library() -> ProgramResult:
    """Parse and rename every module of package base (ifacedir/lib/base)."""
    state = _Program([])
    roots: list[_Source] = []
    for path in sorted(base_dir().rglob("*.hs")):
        rel = path.relative_to(base_dir())
        name = ".".join(rel.with_suffix("").parts)
        if name not in state.sources:
            roots.append(state.load_file(path, f"<base>/{rel.as_posix()}", BASE_PACKAGE, name))
    return state.run(roots)


class _Program:
    def __init__(
        self, roots: Sequence[Path], base: Mapping[str, ModuleExports] | None = None
    ) -> None:
        self.roots = list(roots)
        self.base = base
        self.sources: dict[str, _Source] = {}
        self.downsweep_diags: list[Diagnostic] = []

    def run(self, roots: Sequence[_Source]) -> ProgramResult:
        for root in roots:
            self.downsweep(root)
        order = self.order(roots)
        renamed = self.upsweep(order)
        diags = list(self.downsweep_diags)
        for src in order:
            diags.extend(src.diagnostics)  # already in reporting order
        sources = tuple(sorted((s.label, s.text) for s in self.sources.values() if s.text))
        imported = tuple(s.interface for s in order if s.interface is not None)
        return ProgramResult(tuple(renamed), tuple(diags), sources, imported)

    # --- 1. downsweep ---------------------------------------------------------------

    def load_file(self, path: Path, label: str, package: str, expected: str | None) -> _Source:
        try:
            text = read_source(path, label)
        except SourceError as exc:
            src = _Source(expected or label, label, path, package, "", None)
            src.diagnostics.extend(exc.diagnostics)
            self.sources.setdefault(src.name, src)
            return src
        src = _Source(expected or "", label, path, package, text, None)
        key = _cache_key(path) if package == BASE_PACKAGE else None
        if key is not None and key in _BASE_PARSED:
            src.module = _BASE_PARSED[key]
        else:
            try:
                src.module = parse_module(text, label)
            except SourceError as exc:
                src.diagnostics.extend(exc.diagnostics)
            if key is not None and src.module is not None:
                _BASE_PARSED[key] = src.module
        if src.module is not None:
            src.name = expected or src.module.name
            if expected is not None and src.module.name != expected:
                span = src.module.name_span or src.module.span
                src.diagnostics.append(
                    error(
                        "R020",
                        span,
                        "File name does not match module name:",
                        f"Saw: ‘{src.module.name}’",
                        f"Expected: ‘{expected}’",
                    )
                )
        self.sources.setdefault(src.name, src)
        return src

    def load_interface(self, name: str, exports: ModuleExports) -> _Source:
        """A base module known by its exports alone: a leaf of the module graph."""
        src = _Source(name, f"<base>/{name}", base_dir(), BASE_PACKAGE, "", None)
        src.interface = exports
        self.sources.setdefault(name, src)
        return src

    def downsweep(self, root: _Source) -> None:
        stack = [root]
        while stack:
            src = stack.pop()
            for decl in self.imports_of(src):
                if decl.module in self.sources:
                    continue
                found = self.find(decl)
                if found is not None:
                    stack.append(found)

    def imports_of(self, src: _Source) -> tuple[ImportDecl[RdrName], ...]:
        return () if src.module is None else implicit_imports(src.module)

    def find(self, decl: ImportDecl[RdrName]) -> _Source | None:
        rel = Path(*decl.module.split("."))
        tried: list[str] = []
        candidates = [(root, MAIN_PACKAGE) for root in self.roots] + [(base_dir(), BASE_PACKAGE)]
        for root, package in candidates:
            if package == BASE_PACKAGE and self.base is not None and decl.module in self.base:
                return self.load_interface(decl.module, self.base[decl.module])
            for suffix in _SUFFIXES:
                path = root / rel.with_suffix(suffix)
                if path.is_file():
                    label = rel.with_suffix(suffix).as_posix()
                    if package == BASE_PACKAGE:
                        label = f"<base>/{label}"
                    return self.load_file(path, label, package, decl.module)
                if package == MAIN_PACKAGE:
                    tried.append(os.path.relpath(path))
        self.downsweep_diags.append(
            error(
                "R014",
                decl.span,
                f"Could not find module ‘{decl.module}’",
                "It is not a module in the current program, or in any known package.",
                "Locations searched: " + ", ".join(tried),
            )
        )
        return None

    # --- 2. order --------------------------------------------------------------------

    def order(self, roots: Sequence[_Source]) -> list[_Source]:
        """Dependency order (post-order DFS); cycles are reported and broken."""
        done: set[str] = set()
        on_path: list[str] = []
        out: list[_Source] = []

        def visit(src: _Source) -> None:
            on_path.append(src.name)
            for decl in self.imports_of(src):
                dep = self.sources.get(decl.module)
                if dep is None or dep.name in done:
                    continue
                if dep.name in on_path:
                    self.downsweep_diags.append(_cycle(on_path[on_path.index(dep.name) :], decl))
                    continue
                visit(dep)
            on_path.pop()
            done.add(src.name)
            out.append(src)

        for root in roots:
            if root.name not in done:
                visit(root)
        return out

    # --- 3. upsweep ------------------------------------------------------------------

    def upsweep(self, order: Sequence[_Source]) -> list[RenamedModule]:
        exports: dict[str, ModuleExports] = {}
        renamed: list[RenamedModule] = []
        blocked = bool(self.downsweep_diags)
        for src in order:
            if src.interface is not None:
                exports[src.name] = src.interface
                continue
            if blocked or src.module is None or src.diagnostics:
                continue
            needed = [d.module for d in self.imports_of(src)]
            if any(m not in exports for m in needed):
                continue  # an import failed: skip, as GHC does
            result = self.rename_one(src, {m: exports[m] for m in needed})
            if result is not None:
                exports[src.name] = result.exports
                renamed.append(result)
        return renamed

    def rename_one(self, src: _Source, imports: dict[str, ModuleExports]) -> RenamedModule | None:
        assert src.module is not None
        key = _cache_key(src.path) if src.package == BASE_PACKAGE else None
        if key is not None and key in _BASE_CACHE:
            return _BASE_CACHE[key]
        try:
            result = rename_module(src.module, imports, src.package)
        except SourceError as exc:
            src.diagnostics.extend(exc.diagnostics)
            return None
        if key is not None:
            _BASE_CACHE[key] = result
        return result


def _cache_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _cycle(loop: Sequence[str], decl: ImportDecl[RdrName]) -> Diagnostic:
    chain = " which imports ".join(f"‘{m}’" for m in [*loop, loop[0]])
    return error("R019", decl.span, "Module imports form a cycle:", f"module {chain}")
