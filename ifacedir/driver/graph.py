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
from typing import TYPE_CHECKING, Final, NamedTuple

from ifacedir.diagnostics import Diagnostic, SourceError, error
from ifacedir.format import cbor
from ifacedir.syntax.span import SrcLoc, SrcSpan

if TYPE_CHECKING:
    from ifacedir.driver.state import BuildState

__all__ = ["GraphError", "ImportEdge", "ModuleGraph", "ModuleNode", "NodeKey", "module_graph"]

_SUFFIXES: Final = (".hs", ".lhs")
_BOOT_SUFFIX: Final = ".hs-boot"
_PRELUDE: Final = "Prelude"
_NO_IMPLICIT_PRELUDE: Final = "NoImplicitPrelude"


class NodeKey(NamedTuple):
    """A node of the graph: a module, or (``boot``) its hs-boot file. (A tuple: the
    driver hashes keys tens of thousands of times per build.)"""

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
    target: Path,
    search_path: Sequence[Path] = (),
    external: Iterable[str] = (),
    state: BuildState | None = None,
) -> ModuleGraph:
    """The program's graph (see the module docstring); raises ``GraphError``.
    ``state`` remembers each file's header by its size and mtime (ifacedir.driver.state)."""
    from ifacedir.driver.state import BuildState
    from ifacedir.util.deep import run_deep

    known = set(external)
    # one big-stack thread for the whole downsweep, not one per header
    try:
        return run_deep(_Downsweep(target, search_path, known, state).run)
    except GraphError:
        if state is None:
            raise
    # report errors from the files themselves, with their text to quote
    return run_deep(_Downsweep(target, search_path, known, BuildState.disabled()).run)


class _Downsweep:
    def __init__(
        self,
        target: Path,
        search_path: Sequence[Path],
        external: set[str],
        state: BuildState | None,
    ) -> None:
        from ifacedir.driver.state import BuildState

        self.state = state if state is not None else BuildState.disabled()
        self.target = target
        root_dir = target if target.is_dir() else target.parent
        self.dirs = [root_dir, *search_path]
        self.external = external
        self.graph = ModuleGraph()
        self.diagnostics: list[Diagnostic] = []
        self.texts: dict[str, str] = {}

    def run(self) -> ModuleGraph:
        from ifacedir.parse.source import program_modules

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
        try:
            facts = self.state.memo(path, "header:" + label, lambda: self.read(path, label))
            name, name_span, imports = _unpack(facts, label)
        except SourceError as exc:
            self.diagnostics.extend(exc.diagnostics)
            return None
        except (TypeError, ValueError, IndexError):  # a state entry of another shape
            facts = self.read(path, label)
            name, name_span, imports = _unpack(facts, label)
        if expected is not None and name != expected:
            span = name_span or SrcSpan.point(label, SrcLoc(1, 1))
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
                    name_span or SrcSpan.point(label, SrcLoc(1, 1)),
                    f"Module ‘{name}’ is defined in more than one file:",
                    f"{other.label} and {label}",
                )
            )
            return None
        node = ModuleNode(key, path, label, tuple(imports))
        self.graph.nodes[key] = node
        return node

    def read(self, path: Path, label: str) -> cbor.CborValue:
        """The header facts of the file, as ``_unpack`` reads them (and the state keeps):
        ``[name, name span, [[module, source, span]...]]`` with the implicit Prelude."""
        from ifacedir.parse.header import parse_header
        from ifacedir.parse.source import read_source

        text = read_source(path, label)
        header = parse_header(text, label)
        self.texts[label] = text
        name = header.name
        imports: list[cbor.CborValue] = []
        implicit = _NO_IMPLICIT_PRELUDE not in header.extensions and name != _PRELUDE
        if implicit and not any(d.module == _PRELUDE for d in header.imports):
            span = header.name_span or SrcSpan.point(label, SrcLoc(1, 1))
            imports.append([_PRELUDE, False, _span_value(span)])
        imports.extend([d.module, d.source, _span_value(d.module_span)] for d in header.imports)
        named = None if header.name_span is None else _span_value(header.name_span)
        return [name, named, imports]

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


def _span_value(span: SrcSpan) -> list[cbor.CborValue]:
    return [span.start.line, span.start.col, span.end.line, span.end.col]


def _span_of(value: object, label: str) -> SrcSpan:
    if not (isinstance(value, list) and len(value) == 4 and all(type(x) is int for x in value)):
        raise ValueError("not a span")
    return SrcSpan(label, SrcLoc(value[0], value[1]), SrcLoc(value[2], value[3]))


def _unpack(facts: object, label: str) -> tuple[str, SrcSpan | None, list[ImportEdge]]:
    """``_Downsweep.read``'s value back (ValueError if it has another shape)."""
    if not (isinstance(facts, list) and len(facts) == 3 and isinstance(facts[0], str)):
        raise ValueError("not header facts")
    name, named, imports = facts
    span = None if named is None else _span_of(named, label)
    if not isinstance(imports, list):
        raise ValueError("not header facts")
    edges: list[ImportEdge] = []
    for item in imports:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)):
            raise ValueError("not an import")
        edges.append(ImportEdge(item[0], bool(item[1]), _span_of(item[2], label)))
    return name, span, edges
