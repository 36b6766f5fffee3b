"""Running one task (one module's phases) in a worker process, or in the driver's own.

DESIGN, "The driver" 4: workers talk through the files on disk. A task names a
module and the phases to run; the worker runs the first (the driver found it out of
date) and, for the later ones (``--no-split`` hands a worker every phase of a
module), checks each and runs it only if it is out of date. Everything a worker needs
comes in the picklable ``TaskSpec``; what it did goes back in a ``TaskOutcome``.

Each process keeps one ``Session`` per build directory (a cache of the interfaces it
has read, ifacedir.driver.session), so a worker reads package base's interfaces once,
not once per task. A file a task writes is only read by tasks that wait for it, so a
cached value is never stale within a build.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ifacedir.driver.inputs import CheckContext, reasons
from ifacedir.driver.plan import Step
from ifacedir.driver.session import Session
from ifacedir.errors import IfacedirError
from ifacedir.format.layout import ModuleDir
from ifacedir.modulename import ModuleName

__all__ = ["Span", "TaskOutcome", "TaskSpec", "run_task"]


@dataclass(frozen=True, slots=True)
class TaskSpec:
    outdir: Path
    module: str
    boot: bool
    steps: tuple[Step, ...]
    source: Path | None
    label: str
    level: int
    backend: str
    lint: bool
    tc_roots: tuple[Path, ...]
    back_roots: tuple[Path, ...]
    boot_deps: frozenset[str] = frozenset()
    """The loop members whose boot interfaces the module sees (ifacedir.driver.plan)."""
    has_boot: bool = False
    """The module has an hs-boot file to be checked against."""
    loop: frozenset[str] = frozenset()
    """The other members of the module's import loop."""
    build_id: int = 0
    """Which build the task belongs to: a process keeps its ``Session`` for one build."""


@dataclass(frozen=True, slots=True)
class Span:
    """One phase run: for ``--trace`` (wall-clock ns, comparable across processes)."""

    step: Step
    start_ns: int
    end_ns: int
    pid: int


@dataclass
class TaskOutcome:
    ran: list[Step] = field(default_factory=list)
    """The phases executed, the one that failed included."""
    spans: list[Span] = field(default_factory=list)
    error: str | None = None
    """One line: why the task failed (None: it succeeded)."""
    rendered: str = ""
    """The source's diagnostics, GHC-style, when that is why it failed."""


_SESSIONS: dict[tuple[tuple[Path, ...], tuple[Path, ...], int], Session] = {}


def _session(spec: TaskSpec) -> Session:
    """The process's session for the task's build. A new build gets a new one: its
    caches are by module name, and a module may have been rebuilt since (decoded
    sections stay cached by file identity, Note [Decoded sections are cached per
    process] in ifacedir.driver.session)."""
    key = (spec.tc_roots, spec.back_roots, spec.build_id)
    if key not in _SESSIONS:
        _SESSIONS.clear()  # one build at a time per process
        _SESSIONS[key] = Session(list(spec.tc_roots), list(spec.back_roots))
    return _SESSIONS[key]


def run_task(spec: TaskSpec) -> TaskOutcome:
    """Run the task; never raises for a failure of the module (see TaskOutcome)."""
    from ifacedir.backend.plugin import get_backend
    from ifacedir.driver.compile import PhaseError, SourceFailure

    session = _session(spec)
    outcome = TaskOutcome()
    mdir = ModuleDir(spec.outdir, ModuleName(spec.module))
    try:
        backend = get_backend(spec.backend)
        consumes = Step(backend.consumes.value)
        ctx = CheckContext(spec.level, spec.backend, consumes, spec.source, spec.boot)
        for n, step in enumerate(spec.steps):
            if n > 0 and not reasons(session, mdir, step, ctx):
                continue
            start = time.time_ns()
            outcome.ran.append(step)
            try:
                _run_step(session, spec, mdir, step, backend)
            finally:
                outcome.spans.append(Span(step, start, time.time_ns(), os.getpid()))
                session.forget(spec.module)
    except SourceFailure as exc:
        outcome.error, outcome.rendered = str(exc), exc.rendered
    except PhaseError as exc:
        outcome.error = str(exc)
    except IfacedirError as exc:
        outcome.error = f"module {spec.module}: {exc}"
    except Exception as exc:  # a bug: report it with the module, as DESIGN asks
        outcome.error = (
            f"module {spec.module}: internal error (a bug, please report it): "
            f"{type(exc).__name__}: {exc}"
        )
    return outcome


def _run_step(
    session: Session, spec: TaskSpec, mdir: ModuleDir, step: Step, backend: object
) -> None:
    from ifacedir.backend.plugin import BackendPlugin
    from ifacedir.driver import compile as phases
    from ifacedir.driver.compile import Phase, PhaseError

    if step is Step.TC:
        if spec.source is None:
            raise PhaseError(spec.module, Phase.TC, "its source is not available to typecheck")
        phases.typecheck(
            session,
            spec.source,
            spec.label,
            mdir,
            boot_file=spec.boot,
            boot_deps=spec.boot_deps,
            has_boot=spec.has_boot,
            loop=spec.loop,
        )
    elif step is Step.DS:
        phases.desugar(session, mdir, mdir, spec.lint)
    elif step is Step.SIMPL:
        phases.simplify(session, mdir, spec.level, spec.lint)
    elif step is Step.HI:
        phases.interface(session, mdir, mdir, spec.level)
    elif step is Step.CODEGEN:
        assert isinstance(backend, BackendPlugin)
        phases.codegen(session, mdir, backend)
    else:
        raise ValueError(f"not a phase: {step}")
