"""The build plan: module order, import cycles, and the (module, phase) task graph.

DESIGN, "The driver" 2-3, after GHC's Note [Upsweep]:

* ``module_order(graph)``: the strongly connected components of the module graph,
  dependencies first. hs-boot files break cycles: ``import {-# SOURCE #-} A`` is an
  edge to ``A``'s boot node, and ``A`` itself depends on its boot node, so a loop
  broken this way is no cycle of the graph. A component of more than one node (or a
  module importing itself) is an *unresolved* cycle: ``CycleError``, naming the
  modules of the loop in order and the import that would need ``{-# SOURCE #-}``.
* ``resolved_loops(graph)``: the loops that boot files break, found as the cycles of
  the graph with every ``SOURCE`` edge redirected to the module itself. Modules inside
  a loop see the boot interfaces of its members; a module *outside* that imports a
  member waits for every member (it must see final interfaces only).
* ``tasks(graph, order, ...)``: one task per (module, phase) (``split``), or one per
  module running all its phases (``--no-split``), each with the tasks it waits for
  (Note [What a phase waits for]) and a priority: the longest chain of work that
  still depends on it (critical path first).

Note [What a phase waits for]
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
* ``tc`` of M: the ``tc`` of each module (or boot file) M imports, and of M's own
  boot file; for a module outside a loop, the ``tc`` of every member of the loop.
* ``ds`` of M: M's ``tc`` (the desugarer reads the imports' interfaces from their
  ``tc`` files, which are done by then).
* ``simpl`` of M: M's ``ds``; at ``-O1`` also the ``hi`` of each module M imports,
  whose unfoldings the simplifier may inline.
* ``hi`` of M: M's ``simpl`` (and so its ``tc``).
* ``codegen`` of M: the phase the backend consumes (``simpl``, or ``ds``).

So an importer's typecheck never waits for its imports' back end: typechecking runs
ahead of the later phases, which is the point of the split.

Note [Loops]
~~~~~~~~~~~~
In a loop broken by ``A.hs-boot`` (``A`` imports ``B``, ``B`` imports ``{-# SOURCE
#-} A``), ``B`` is typechecked against ``A``'s boot interface, then ``A`` against
``B``'s real one, and ``A`` is checked against its boot file. A module *sees* the
boot interface of a loop member that has a boot file and whose typecheck does not
come before its own (``boot_deps``); it records them in its usages, desugars against
them. At ``-O1`` a module takes no unfoldings from the other members of its loop
(``loop``): a boot file has none, and inlining a member's function that calls back
into this module would make a binding recursive behind the simplifier's back. So
``simpl`` of a module waits for the ``.hi`` of its imports, of what the boot files it
imports import, and, for an import inside another loop, of every member of that loop;
never for a member of its own loop, which keeps the graph acyclic.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from ifacedir.diagnostics import Diagnostic, SourceError, error
from ifacedir.driver.graph import ModuleGraph, NodeKey
from ifacedir.util.graph import sccs

__all__ = ["CycleError", "Step", "Task", "TaskKey", "module_order", "resolved_loops", "tasks"]


class Step(enum.Enum):
    """A unit of work on one module; ``ALL`` is every phase (``--no-split``)."""

    TC = "tc"
    DS = "ds"
    SIMPL = "simpl"
    HI = "hi"
    CODEGEN = "codegen"
    ALL = "all"

    __hash__ = object.__hash__  # members are singletons; the driver hashes keys a lot

    @property
    def verb(self) -> str:
        """How a progress line names it: ``[ 3 of 40] Typechecking M``."""
        return _VERBS[self]


_VERBS: Final = {
    Step.TC: "Typechecking",
    Step.DS: "Desugaring",
    Step.SIMPL: "Simplifying",
    Step.HI: "Writing interface",
    Step.CODEGEN: "Generating code",
    Step.ALL: "Compiling",
}


PIPELINE: Final = (Step.TC, Step.DS, Step.SIMPL, Step.HI, Step.CODEGEN)
_COST: Final = {Step.TC: 4.0, Step.DS: 2.0, Step.SIMPL: 2.0, Step.HI: 0.5, Step.CODEGEN: 1.0}
"""Rough relative costs of the phases, for the critical-path priority only."""


class TaskKey(NamedTuple):
    """One task: a step of a node (a tuple, hashed often, as ``NodeKey``)."""

    node: NodeKey
    step: Step

    def __str__(self) -> str:
        return f"{self.node} {self.step.value}"


@dataclass
class Task:
    key: TaskKey
    waits_for: list[TaskKey]
    priority: float = 0.0
    index: int = 0
    """The module's position in the build order, from 1 (for ``[ 3 of 40]``)."""
    boot_deps: frozenset[str] = frozenset()
    """The modules of its loop whose hs-boot interface the module sees (Note [Loops])."""
    loop: frozenset[str] = frozenset()
    """The other modules of its loop (no unfoldings from them, Note [Loops])."""


class CycleError(SourceError):
    """Imports form a cycle that no hs-boot file breaks."""


def module_order(graph: ModuleGraph) -> list[NodeKey]:
    """Every node, each after the nodes it imports; raises CycleError."""
    order = sorted(graph.nodes)
    edges = {k: _deps(graph, k) for k in order}
    problems: list[Diagnostic] = []
    out: list[NodeKey] = []
    for comp in sccs(order, edges):
        if len(comp) > 1 or comp[0] in edges[comp[0]]:
            problems.append(_cycle(graph, comp, edges))
        out.extend(comp)
    if problems:
        raise CycleError(problems)
    return out


def _deps(graph: ModuleGraph, key: NodeKey) -> list[NodeKey]:
    deps = graph.edges(key)
    boot = NodeKey(key.module, True)
    if not key.boot and boot in graph.nodes:
        deps.append(boot)  # a module is checked against its boot file: that comes first
    return deps


def _cycle(
    graph: ModuleGraph, comp: Sequence[NodeKey], edges: dict[NodeKey, list[NodeKey]]
) -> Diagnostic:
    """The loop through ``comp``'s first node, as the import that closes it."""
    members = set(comp)
    start = comp[0]
    # breadth-first from start's successors back to start: the shortest loop
    parents: dict[NodeKey, NodeKey] = {}
    frontier = [start]
    found = False
    while frontier and not found:
        nxt: list[NodeKey] = []
        for v in frontier:
            for w in edges[v]:
                if w not in members or w in parents:
                    continue
                parents[w] = v
                if w == start:
                    found = True
                    break
                nxt.append(w)
            if found:
                break
        frontier = nxt
    loop = [start]
    v = parents[start]
    while v != start:
        loop.append(v)
        v = parents[v]
    loop.reverse()  # start first, then the modules in import order
    loop = [start, *loop[:-1]] if loop[0] != start else loop
    closing_from = loop[-1]
    edge = next(i for i in graph.nodes[closing_from].imports if i.target == start)
    chain = " which imports ".join(f"‘{k.module}’" for k in [*loop, start])
    return error(
        "D003",
        edge.span,
        "Module imports form a cycle:",
        f"module {chain}",
        f"To break it, give ‘{start.module}’ an hs-boot file ({start.module.replace('.', '/')}"
        f".hs-boot) and write this import as ‘import {{-# SOURCE #-}} {start.module}’.",
    )


def resolved_loops(graph: ModuleGraph) -> list[list[NodeKey]]:
    """The module loops broken by boot files, each as its implementation nodes."""
    impls = sorted(k for k in graph.nodes if not k.boot)
    edges = {
        k: [NodeKey(t.module) for t in graph.edges(k) if NodeKey(t.module) in graph.nodes]
        for k in impls
    }
    return [c for c in sccs(impls, edges) if len(c) > 1]


def tasks(
    graph: ModuleGraph,
    order: Sequence[NodeKey],
    *,
    split: bool = True,
    level: int = 0,
    codegen_after: Step = Step.SIMPL,
    first: Step = Step.TC,
    lint: bool = False,
) -> dict[TaskKey, Task]:
    """The task graph (Note [What a phase waits for]); ``first`` drops the phases
    before it (resuming from files), ``codegen_after`` is the phase the backend reads;
    with ``lint``, Core Lint's checks of ``ds`` and ``simpl`` read the imports'
    ``simpl`` files, so both wait for those too."""
    loop_of: dict[NodeKey, frozenset[NodeKey]] = {}
    for loop in resolved_loops(graph):
        for k in loop:
            loop_of[k] = frozenset(loop)
    steps = [s for s in PIPELINE if PIPELINE.index(s) >= PIPELINE.index(first)]
    out: dict[TaskKey, Task] = {}

    key = TaskKey
    index = 0
    tc_deps_of: dict[NodeKey, list[NodeKey]] = {}
    for node in order:
        tc_deps: list[NodeKey] = _deps(graph, node)
        own_loop = loop_of.get(NodeKey(node.module), frozenset())
        for dep in list(tc_deps):
            for member in loop_of.get(NodeKey(dep.module), frozenset()):
                if member not in own_loop and member not in tc_deps:
                    tc_deps.append(member)
        tc_deps_of[node] = tc_deps
    for node in order:
        index += 1  # boot files count as modules, as in GHC's "[1 of 5] Compiling A[boot]"
        tc_deps = tc_deps_of[node]
        own_loop = loop_of.get(NodeKey(node.module), frozenset())
        boot_deps = _boot_deps(graph, node, own_loop, tc_deps_of)
        members = frozenset(m.module for m in own_loop if m.module != node.module)
        node_steps = [Step.TC] if node.boot else steps
        if not split:
            whole = key(node, Step.ALL)
            waits_all = [key(d, Step.ALL) for d in tc_deps]
            out[whole] = Task(whole, waits_all, index=index, boot_deps=boot_deps, loop=members)
            continue
        for step in node_steps:
            waits: list[TaskKey] = []
            if step is Step.TC:
                waits = [key(d, Step.TC) for d in tc_deps]
            elif step is Step.DS:
                waits = [key(node, Step.TC)]
                if lint:
                    sources = _unfolding_sources(graph, node, own_loop, loop_of, boot_deps)
                    waits += [key(m, Step.SIMPL) for m in sources]
            elif step is Step.SIMPL:
                waits = [key(node, Step.DS)]
                if level >= 1:
                    waits += [
                        key(m, Step.HI)
                        for m in _unfolding_sources(graph, node, own_loop, loop_of, boot_deps)
                    ]
            elif step is Step.HI:
                waits = [key(node, Step.SIMPL)]
            else:
                waits = [key(node, codegen_after)]
            waits = [w for w in waits if w.step in node_steps or w.node != node]
            out[key(node, step)] = Task(
                key(node, step), waits, index=index, boot_deps=boot_deps, loop=members
            )
    for t in out.values():  # resuming: what is before ``first`` is not a task
        t.waits_for = [w for w in t.waits_for if w in out]
    _prioritise(out)
    return out


def _boot_deps(
    graph: ModuleGraph,
    node: NodeKey,
    loop: frozenset[NodeKey],
    tc_deps_of: dict[NodeKey, list[NodeKey]],
) -> frozenset[str]:
    """The members of ``node``'s loop whose boot interface it sees: those with a boot
    file whose own typecheck does not come before ``node``'s (Note [Loops])."""
    if node.boot or not loop:
        return frozenset()
    before: set[NodeKey] = set()
    stack = list(tc_deps_of[node])
    while stack:
        k = stack.pop()
        if k in before or NodeKey(k.module) not in loop:
            continue
        before.add(k)
        stack.extend(tc_deps_of.get(k, []))
    return frozenset(
        m.module
        for m in loop
        if m != node and NodeKey(m.module, True) in graph.nodes and m not in before
    )


def _unfolding_sources(
    graph: ModuleGraph,
    node: NodeKey,
    loop: frozenset[NodeKey],
    loop_of: dict[NodeKey, frozenset[NodeKey]],
    boot_deps: frozenset[str],
) -> list[NodeKey]:
    """The modules whose ``.hi`` the simplifier of ``node`` waits for at ``-O1``
    (Note [Loops]): its imports, the imports of the boot files it imports, and every
    member of a loop it imports from outside; never one whose boot file it saw."""
    found: list[NodeKey] = []
    for d in graph.edges(node):
        targets = [NodeKey(d.module)]
        if d.boot:
            targets += [NodeKey(t.module) for t in graph.edges(d)]
        for t in targets:
            if t in loop or t == node or t not in graph.nodes:
                continue
            members = loop_of.get(t, frozenset()) if t not in loop else frozenset()
            for m in [t, *sorted(members)]:
                if m not in found and m.module not in boot_deps and m != node:
                    found.append(m)
    return found


def _prioritise(graph: dict[TaskKey, Task]) -> None:
    """Priority = the task's cost plus the most expensive chain of tasks waiting on it,
    computed from the last tasks back (Kahn's algorithm on the reversed graph)."""
    users: dict[TaskKey, list[TaskKey]] = {k: [] for k in graph}
    for t in graph.values():
        for w in t.waits_for:
            users[w].append(t.key)
    pending = {k: len(users[k]) for k in graph}
    ready = [k for k, n in pending.items() if n == 0]
    while ready:
        k = ready.pop()
        cost = _COST.get(k.step, sum(_COST.values()))
        graph[k].priority = cost + max((graph[u].priority for u in users[k]), default=0.0)
        for w in graph[k].waits_for:
            pending[w] -= 1
            if pending[w] == 0:
                ready.append(w)
