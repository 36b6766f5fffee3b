"""``build``, ``resume`` and ``run``: whole programs through every phase, sequentially.

``build(path, outdir, options)``:

1. the front end: rename and typecheck the program (package base from the per-user
   cache, ifacedir.iface.basecache), and write each module's ``tc`` file
   (ifacedir.driver.frontend); a module with errors stops the build here, with
   GHC-style diagnostics;
2. package base's back-end files for this ``-O`` level and backend, built once
   (ifacedir.driver.basebackend);
3. for each module of the program, in dependency order, the back-end phases *from the
   files just written* (ifacedir.driver.compile): desugar, simplify, the final
   ``.hi``, codegen. So a build and a resume run exactly the same code on exactly the
   same inputs, and give the same bytes.

``resume(outdir, start, options)`` is step 3 alone, from ``start`` (``ds``: from each
module's ``tc`` file; ``simpl``: from its ``ds`` file), for every module of ``outdir``
that has that file: no source is read. ``run(outdir, options, args)`` hands the
program's modules (base's first) to the backend, which runs ``Main.main``.

The parallel, incremental driver is ifacedir/driver's next step (DESIGN, "The
driver"); this one rebuilds every back-end phase of every program module each time,
writing only files whose bytes change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ifacedir.driver.recomp import Reason
from ifacedir.errors import IfacedirError
from ifacedir.format.layout import FileRole, ModuleDir
from ifacedir.modulename import ModuleName
from ifacedir.syntax.names import Name, NameSpace

if TYPE_CHECKING:
    from ifacedir.backend.plugin import BackendPlugin
    from ifacedir.backend.world import World
    from ifacedir.diagnostics import Diagnostic
    from ifacedir.driver.graph import ModuleGraph, NodeKey
    from ifacedir.driver.inputs import CheckContext
    from ifacedir.driver.plan import Step, Task, TaskKey
    from ifacedir.driver.scheduler import ExecutionResult
    from ifacedir.driver.session import Session
    from ifacedir.driver.state import BuildState
    from ifacedir.driver.worker import TaskSpec
    from ifacedir.iface.basecache import BaseLoad

__all__ = ["BuildOptions", "BuildResult", "Prepared", "build", "prepare", "resume", "run"]

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    level: int = 0
    """The simplifier's ``-O`` level: 0 (local rules only) or 1 (inlining, unfoldings)."""
    backend: str = "interp"
    lint: bool = False
    """Run Core Lint on every ``ds`` and ``simpl`` module before writing it."""
    search_path: tuple[Path, ...] = ()
    jobs: int = 1
    """Worker processes (1: everything in this process)."""
    split: bool = True
    """One task per (module, phase); False: one per module (``--no-split``)."""
    keep_going: bool = False
    trace: Path | None = None
    """Write a Chrome/Perfetto trace of every phase run here."""


@dataclass
class BuildResult:
    outdir: Path
    modules: list[str] = field(default_factory=list)
    """The program's modules that went through every phase, in dependency order."""
    diagnostics: tuple[Diagnostic, ...] = ()
    rendered: str = ""
    """The diagnostics, GHC-style."""
    errors: list[str] = field(default_factory=list)
    """Phase failures (unwritable or corrupt files, internal errors), one line each."""
    notes: list[str] = field(default_factory=list)
    ran: list[tuple[str, Step]] = field(default_factory=list)
    """Every (module, phase) executed, in completion order (up-to-date ones are not)."""
    why: dict[tuple[str, Step], list[str]] = field(default_factory=dict)
    """Why each module's first out-of-date phase ran (the recompilation check's reasons)."""
    up_to_date: int = 0
    """Tasks found up to date."""
    skipped: list[str] = field(default_factory=list)
    """Modules not compiled because a module below them failed."""
    source_errors: bool = False

    @property
    def ok(self) -> bool:
        return not self.diagnostics and not self.errors


def _backend(options: BuildOptions) -> BackendPlugin:
    from ifacedir.backend.plugin import get_backend

    return get_backend(options.backend)


def _base_dirs(
    result: BuildResult,
    options: BuildOptions,
    progress: Progress | None,
    loaded: BaseLoad | None = None,
) -> tuple[Path, Path] | None:
    """Base's ``tc`` directory and back-end directory, or None (an error recorded)."""
    from ifacedir.driver.basebackend import ensure_base_backend
    from ifacedir.iface.basecache import load_base

    if loaded is None:
        loaded = load_base()
        result.notes.extend(loaded.notes)
    if loaded.base is None:
        result.errors.append("package base is not available as files (see the notes above)")
        return None
    try:
        back = ensure_base_backend(
            loaded.base.directory, options.level, _backend(options), progress
        )
    except IfacedirError as exc:
        result.errors.append(f"package base: {exc}")
        return None
    return loaded.base.directory, back


@dataclass
class Prepared:
    """A program ready to build or explain: its graph, order and task plan, and the
    functions that check and describe a task."""

    graph: ModuleGraph
    order: list[NodeKey]
    plan: dict[TaskKey, Task]
    session: Session
    check: Callable[[TaskKey, Step], list[Reason]]
    spec_for: Callable[[TaskKey, tuple[Step, ...]], TaskSpec]
    state: BuildState
    """What is remembered of the files between builds (ifacedir.driver.state)."""
    outdir: Path
    backend: str
    context: Callable[[TaskKey], CheckContext]

    def settled(self, key: TaskKey, ran: bool) -> None:
        """A task is done: forget what was read of its module, and remember what its
        files now record, so the next build finds them in the build state (a no-op
        build right after a full one is then as fast as any other)."""
        from ifacedir.driver.inputs import remember
        from ifacedir.driver.plan import PIPELINE, Step

        if not ran:
            return
        self.session.forget(key.node.module)
        mdir = ModuleDir(self.outdir, ModuleName(key.node.module))
        steps = PIPELINE if key.step is Step.ALL else (key.step,)
        for step in (Step.TC,) if key.node.boot else steps:
            remember(self.session, mdir, step, self.context(key), self.state)

    @property
    def module_count(self) -> int:
        """The nodes, boot files included (they count in ``[1 of 5]``, as in GHC)."""
        return len(self.order)


def prepare(
    path: Path,
    outdir: Path,
    options: BuildOptions,
    result: BuildResult,
    progress: Progress | None = None,
    use_state: bool = True,
) -> Prepared | None:
    """The downsweep and the plan (DESIGN, "The driver" 1-3); None with the errors in
    ``result`` when the graph is bad or package base is unavailable."""
    from ifacedir.diagnostics import SourceError, render_all
    from ifacedir.driver.graph import GraphError, module_graph
    from ifacedir.driver.inputs import CheckContext
    from ifacedir.driver.plan import Step, module_order, tasks
    from ifacedir.driver.session import Session
    from ifacedir.driver.state import BuildState
    from ifacedir.iface.basecache import load_base

    backend = _backend(options)  # an unknown backend is a usage error before any work
    loaded = load_base()
    result.notes.extend(loaded.notes)
    if loaded.base is None:
        result.errors.append("package base is not available as files (see the notes above)")
        return None
    state = BuildState.load(outdir) if use_state else BuildState.disabled()
    try:
        graph = module_graph(path, options.search_path, loaded.base.exports, state)
    except GraphError as exc:
        result.diagnostics = tuple(exc.diagnostics)
        result.rendered = render_all(exc.diagnostics, exc.sources)
        return None
    try:
        order = module_order(graph)
    except SourceError as exc:  # a cycle no boot file breaks
        texts = {n.label: n.path.read_text("utf-8", "replace") for n in graph.nodes.values()}
        result.diagnostics = tuple(exc.diagnostics)
        result.rendered = render_all(exc.diagnostics, texts)
        return None
    dirs = _base_dirs(result, options, progress, loaded)
    if dirs is None:
        return None
    base_tc, base_back = dirs
    consumes = Step(backend.consumes.value)
    build_id = time.time_ns()  # a fresh worker session per build (ifacedir.driver.worker)
    plan = tasks(
        graph,
        order,
        split=options.split,
        level=options.level,
        codegen_after=consumes,
        lint=options.lint,
    )
    session = Session([outdir, base_tc], [outdir, base_back])

    def context(key: TaskKey) -> CheckContext:
        source = graph.nodes[key.node].path
        return CheckContext(options.level, options.backend, consumes, source, key.node.boot)

    check = _checker(session, outdir, context, state)
    roots = ((outdir, base_tc), (outdir, base_back))

    def spec_for(key: TaskKey, steps: tuple[Step, ...]) -> TaskSpec:
        return _task_spec(graph, plan, key, steps, options, outdir, roots, build_id, True)

    return Prepared(
        graph, order, plan, session, check, spec_for, state, outdir, options.backend, context
    )


def build(
    path: Path,
    outdir: Path,
    options: BuildOptions,
    progress: Progress | None = None,
    tick: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Compile the program at ``path`` into ``outdir``, rebuilding only the (module,
    phase) tasks whose files are out of date (see the module docstring). ``progress``
    gets one line per phase run; ``tick(done, total)`` is called as tasks settle."""

    from ifacedir.driver.scheduler import execute, trace_events

    origin = time.time_ns()
    result = BuildResult(outdir)
    prepared = prepare(path, outdir, options, result, progress)
    if prepared is None:
        return result
    executed = execute(
        prepared.plan,
        prepared.spec_for,
        prepared.check,
        jobs=options.jobs,
        keep_going=options.keep_going,
        progress=progress,
        total_modules=prepared.module_count,
        on_settled=prepared.settled,
        tick=tick,
    )
    _take(result, executed, prepared.order)
    if options.trace is not None:
        _write_trace(options.trace, trace_events(executed.spans, origin), result)
    prepared.state.save()
    return result


def _write_trace(path: Path, events: dict[str, object], result: BuildResult) -> None:
    import json

    from ifacedir.util.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(path, json.dumps(events, indent=1).encode("utf-8"))
    except OSError as exc:
        result.errors.append(f"--trace {path}: cannot write: {exc.strerror or exc}")


def resume(
    outdir: Path, start: Step, options: BuildOptions, progress: Progress | None = None
) -> BuildResult:
    """The back-end phases from ``start`` (``ds`` or ``simpl``) on, from the files in
    ``outdir`` alone: the same plan and scheduler as ``build``, over the modules that
    have the file ``start`` reads (their order and imports from its ``meta``), each
    phase run only if its file is missing or out of date. No source is read."""
    from ifacedir.driver.graph import ImportEdge, ModuleGraph, ModuleNode, NodeKey
    from ifacedir.driver.inputs import CheckContext
    from ifacedir.driver.order import module_facts
    from ifacedir.driver.plan import Step, module_order, tasks
    from ifacedir.driver.scheduler import execute
    from ifacedir.driver.session import Session
    from ifacedir.syntax.span import SrcLoc, SrcSpan

    if start not in (Step.DS, Step.SIMPL):
        raise ValueError(f"resume starts at ds or simpl, not {start.value}")
    result = BuildResult(outdir)
    role = FileRole.TC if start is Step.DS else FileRole.DS
    facts = module_facts(outdir, role)
    if not facts:
        result.errors.append(f"{outdir}: no module has a {role.tag} file to resume from")
        return result
    dirs = _base_dirs(result, options, progress)
    if dirs is None:
        return result
    base_tc, base_back = dirs
    backend = _backend(options)
    graph = ModuleGraph()
    for name, (deps, loop) in facts.items():
        key = NodeKey(name)
        here = SrcSpan.point(name, SrcLoc(1, 1))
        # edges to the modules below it, but not around its import loop: their order
        # was settled when they were typechecked (Note [Loops] in ifacedir.driver.plan)
        below = [d for d in deps if d in facts and d not in loop and d != name]
        edges = tuple(ImportEdge(d, False, here) for d in below)
        graph.nodes[key] = ModuleNode(key, ModuleDir(outdir, ModuleName(name)).path, name, edges)
    order = module_order(graph)
    consumes = Step(backend.consumes.value)
    plan = tasks(
        graph,
        order,
        split=options.split,
        level=options.level,
        codegen_after=consumes,
        first=start,
        lint=options.lint,
    )
    session = Session([outdir, base_tc], [outdir, base_back])
    ctx = CheckContext(options.level, options.backend, consumes, None)
    build_id = time.time_ns()

    check = _checker(session, outdir, lambda _key: ctx, None)
    roots = ((outdir, base_tc), (outdir, base_back))

    def spec_for(key: TaskKey, steps: tuple[Step, ...]) -> TaskSpec:
        return _task_spec(graph, plan, key, steps, options, outdir, roots, build_id, False)

    executed = execute(
        plan,
        spec_for,
        check,
        jobs=options.jobs,
        keep_going=options.keep_going,
        first=start,
        progress=progress,
        total_modules=len(order),
        on_settled=lambda k, _ran: session.forget(k.node.module),
    )
    _take(result, executed, order)
    return result


def _checker(
    session: Session,
    outdir: Path,
    context: Callable[[TaskKey], CheckContext],
    state: BuildState | None,
) -> Callable[[TaskKey, Step], list[Reason]]:
    """The recompilation check of a task's step, as the scheduler calls it."""
    from ifacedir.driver.inputs import reasons

    mdirs: dict[str, ModuleDir] = {}  # one per module: ModuleDir caches its paths

    def check(key: TaskKey, step: Step) -> list[Reason]:
        name = key.node.module
        mdir = mdirs.get(name)
        if mdir is None:
            mdir = mdirs[name] = ModuleDir(outdir, ModuleName(name))
        return reasons(session, mdir, step, context(key), state)

    return check


def _task_spec(
    graph: ModuleGraph,
    plan: dict[TaskKey, Task],
    key: TaskKey,
    steps: tuple[Step, ...],
    options: BuildOptions,
    outdir: Path,
    roots: tuple[tuple[Path, ...], tuple[Path, ...]],
    build_id: int,
    with_source: bool,
) -> TaskSpec:
    """What a worker needs to run ``steps`` of ``key``'s module (``with_source``: from
    its source file; else, resuming, from its phase files alone)."""
    from ifacedir.driver.graph import NodeKey
    from ifacedir.driver.worker import TaskSpec

    node = graph.nodes[key.node]
    return TaskSpec(
        outdir=outdir,
        module=key.node.module,
        boot=key.node.boot,
        steps=steps,
        source=node.path if with_source else None,
        label=node.label,
        level=options.level,
        backend=options.backend,
        lint=options.lint,
        tc_roots=roots[0],
        back_roots=roots[1],
        build_id=build_id,
        boot_deps=plan[key].boot_deps,
        loop=plan[key].loop,
        has_boot=not key.node.boot and NodeKey(key.node.module, True) in graph.nodes,
    )


def _take(result: BuildResult, executed: ExecutionResult, order: Sequence[NodeKey]) -> None:
    """What ``build`` and ``resume`` report of an execution."""
    result.ran = executed.ran
    result.why = executed.why
    result.up_to_date = executed.up_to_date
    result.errors.extend(executed.errors)
    result.skipped = executed.skipped
    if executed.rendered:
        result.rendered = "\n\n".join(executed.rendered)
        result.source_errors = True
    broken = set(executed.failed) | set(executed.skipped)
    result.modules = [k.module for k in order if not k.boot and k.module not in broken]


def run(
    outdir: Path,
    options: BuildOptions,
    world: World,
    entry_module: str = "Main",
    progress: Progress | None = None,
) -> int:
    """Run ``main`` of the program in ``outdir`` with ``options.backend``; the exit
    status. Raises IfacedirError when a file is missing or unreadable."""
    from ifacedir.driver.order import modules_with

    result = BuildResult(outdir)
    dirs = _base_dirs(result, options, progress)
    if dirs is None:
        raise IfacedirError("; ".join(result.errors))
    backend = _backend(options)
    role = FileRole.SIMPL
    base_names, base_dirs = modules_with(dirs[1], role)
    names, own_dirs = modules_with(outdir, role)
    if entry_module not in own_dirs:
        raise IfacedirError(f"{outdir}: no compiled module {entry_module} (run `ifacedir build`)")
    ordered = [base_dirs[n] for n in base_names] + [own_dirs[n] for n in names]
    entry = Name("main", entry_module, "main", NameSpace.VAR)
    return backend.run(ordered, entry, world)
