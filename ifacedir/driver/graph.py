"""The module graph of a program, from module headers alone (DESIGN, "The driver" 1).

``module_graph(target, search_path, external)`` is the driver's downsweep: starting
from the roots (the main file, or every module below a directory, as in Note [A
directory of modules] in ifacedir.rename.program), it reads only each file's header
(ifacedir.parse.header: a growing prefix, never the declarations) and follows the
imports. A module ``A.B`` is ``A/B.hs`` or ``A/B.lhs`` in the first directory of the
search path that has one (the root's directory first); a name in ``external`` (the
modules of package base) is a leaf of the graph, compiled elsewhere.

An ``import {-# SOURCE #-} A`` is an edge to a separate node, ``A``'s boot file
``A.hs-boot`` (its key has ``boot=True``), as in GHC: the boot file is compiled
before the modules of the loop, and ``A`` itself after them (ifacedir.driver.plan).

Errors are diagnostics with the import's position, all of them reported together
(GHC reports the downsweep's errors before compiling anything):

* a module found nowhere: "Could not find module", with every path tried;
* a file whose header names another module;
* a module found in two search directories (which one is meant is ambiguous);
* a ``SOURCE`` import of a module without a boot file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ifacedir.diagnostics import Diagnostic, SourceError, error
from ifacedir.syntax.span import SrcLoc, SrcSpan

__all__ = ["GraphError", "ImportEdge", "ModuleGraph", "ModuleNode", "NodeKey", "module_graph"]

_SUFFIXES: Final = (".hs", ".lhs")
_BOOT_SUFFIX: Final = ".hs-boot"
_PRELUDE: Final = "Prelude"
_NO_IMPLICIT_PRELUDE: Final = "NoImplicitPrelude"


@dataclass(frozen=True, slots=True, order=True)
class NodeKey:
    """A node of the graph: a module, or (``boot``) its hs-boot file."""

    module: str
    boot: bool = False

    def __str__(self) -> str:
        return f"{self.module} [boot]" if self.boot else self.module


@dataclass(frozen=True, slots=True)
class ImportEdge:
    """One import of a node: the module, whether ``{-# SOURCE #-}``, and where."""

    module: str
    source: bool
    span: SrcSpan

    @property
    def target(self) -> NodeKey:
        return NodeKey(self.module, self.source)


@dataclass(frozen=True, slots=True)
class ModuleNode:
    """A source file of the program: its key, where it is, how diagnostics name it
    (``label``, relative to its search directory), and its imports in source order
    (the implicit Prelude first)."""

    key: NodeKey
    path: Path
    label: str
    imports: tuple[ImportEdge, ...]

    def program_imports(self, graph: ModuleGraph) -> list[ImportEdge]:
        """The imports of modules of the program (not of ``external`` ones)."""
        return [i for i in self.imports if i.target in graph.nodes]


@dataclass
class ModuleGraph:
    """Every node found, in the order met; ``external``: the leaves imported."""

    nodes: dict[NodeKey, ModuleNode] = field(default_factory=dict)
    roots: list[NodeKey] = field(default_factory=list)
    external: set[str] = field(default_factory=set)

    def edges(self, key: NodeKey) -> list[NodeKey]:
        """The program nodes ``key`` imports, each once, in import order."""
        found = [i.target for i in self.nodes[key].imports if i.target in self.nodes]
        return list(dict.fromkeys(found))


class GraphError(SourceError):
    """The downsweep found errors; ``diagnostics`` holds them all, ``sources`` the
    headers' texts for quoting."""

    def __init__(self, diagnostics: Sequence[Diagnostic], sources: dict[str, str]) -> None:
        super().__init__(list(diagnostics))
        self.sources = sources


def module_graph(
    target: Path, search_path: Sequence[Path] = (), external: Iterable[str] = ()
) -> ModuleGraph:
    """The program's graph (see the module docstring); raises ``GraphError``."""
    from ifacedir.util.deep import run_deep

    # one big-stack thread for the whole downsweep, not one per header
    return run_deep(_Downsweep(target, search_path, set(external)).run)


class _Downsweep:
    def __init__(self, target: Path, search_path: Sequence[Path], external: set[str]) -> None:
        self.target = target
        root_dir = target if target.is_dir() else target.parent
        self.dirs = [root_dir, *search_path]
        self.external = external
        self.graph = ModuleGraph()
        self.diagnostics: list[Diagnostic] = []
        self.texts: dict[str, str] = {}

    def run(self) -> ModuleGraph:
        from ifacedir.rename.program import program_modules

        roots: list[tuple[Path, str, str | None]]
        if self.target.is_dir():
            roots = [(Path(p), label, name) for name, label, p in program_modules(self.target)]
        else:
            roots = [(self.target, self.target.name, None)]
        pending: list[NodeKey] = []
        for path, label, expected in roots:
            node = self.load(path, label, expected, boot=False)
            if node is not None:
                self.graph.roots.append(node.key)
                pending.append(node.key)
        while pending:
            key = pending.pop(0)
            for edge in self.graph.nodes[key].imports:
                if edge.target in self.graph.nodes or edge.module in self.external:
                    if edge.module in self.external and not edge.source:
                        self.graph.external.add(edge.module)
                    continue
                found = self.find(edge)
                if found is not None:
                    pending.append(found.key)
        if self.diagnostics:
            raise GraphError(self.diagnostics, self.texts)
        return self.graph

    def load(self, path: Path, label: str, expected: str | None, boot: bool) -> ModuleNode | None:
        from ifacedir.parse.header import parse_header
        from ifacedir.parse.source import read_source

        try:
            text = read_source(path, label)
            header = parse_header(text, label)
        except SourceError as exc:
            self.diagnostics.extend(exc.diagnostics)
            return None
        self.texts[label] = text
        name = header.name
        if expected is not None and name != expected:
            span = header.name_span or SrcSpan.point(label, SrcLoc(1, 1))
            self.diagnostics.append(
                error(
                    "R020",
                    span,
                    "File name does not match module name:",
                    f"Saw: ‘{name}’",
                    f"Expected: ‘{expected}’",
                )
            )
            return None
        key = NodeKey(name, boot)
        if key in self.graph.nodes:  # two roots naming one module (a header-less file)
            other = self.graph.nodes[key]
            self.diagnostics.append(
                error(
                    "D001",
                    header.name_span or SrcSpan.point(label, SrcLoc(1, 1)),
                    f"Module ‘{name}’ is defined in more than one file:",
                    f"{other.label} and {label}",
                )
            )
            return None
        imports: list[ImportEdge] = []
        implicit = _NO_IMPLICIT_PRELUDE not in header.extensions and name != _PRELUDE
        if implicit and not any(d.module == _PRELUDE for d in header.imports):
            span = header.name_span or SrcSpan.point(label, SrcLoc(1, 1))
            imports.append(ImportEdge(_PRELUDE, False, span))
        imports.extend(ImportEdge(d.module, d.source, d.module_span) for d in header.imports)
        node = ModuleNode(key, path, label, tuple(imports))
        self.graph.nodes[key] = node
        return node

    def find(self, edge: ImportEdge) -> ModuleNode | None:
        rel = Path(*edge.module.split("."))
        suffixes = (_BOOT_SUFFIX,) if edge.source else _SUFFIXES
        tried: list[str] = []
        found: list[tuple[Path, str]] = []
        for directory in self.dirs:
            for suffix in suffixes:
                path = directory / rel.with_suffix(suffix)
                tried.append(os.path.relpath(path))
                if path.is_file():
                    found.append((path, rel.with_suffix(suffix).as_posix()))
                    break
        if not found:
            what = "a boot file (hs-boot) for" if edge.source else "module"
            notes = ["Locations searched: " + ", ".join(tried)]
            if edge.source:
                notes.insert(0, "A {-# SOURCE #-} import needs the module's .hs-boot file.")
            self.diagnostics.append(
                error("R014", edge.span, f"Could not find {what} ‘{edge.module}’", *notes)
            )
            return None
        if len(found) > 1:
            self.diagnostics.append(
                error(
                    "D002",
                    edge.span,
                    f"Module ‘{edge.module}’ is found in more than one search directory:",
                    ", ".join(os.path.relpath(p) for p, _ in found),
                )
            )
            return None
        path, label = found[0]
        return self.load(path, label, edge.module, edge.source)
