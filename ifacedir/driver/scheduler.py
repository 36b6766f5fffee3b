"""Executing the task graph: critical path first, ``-j N`` worker processes.

DESIGN, "The driver" 4. The driver's process owns the schedule: a task becomes ready
when every task it waits for has settled; of the ready tasks, the one with the
highest priority (the longest chain of work behind it, ifacedir.driver.plan) goes
first. Before dispatching a task the driver runs the recompilation check itself
(ifacedir.driver.inputs: headers only, no decompression), so an up-to-date task
costs no process hop and a no-op build starts no worker at all. With ``jobs == 1``
tasks run in this process; otherwise in a pool of ``jobs`` forked processes, started
on the first task that needs one.

A failed task fails every task that waits on it, transitively (they are *skipped*,
reported as such). Without ``keep_going`` nothing new starts after a failure (tasks
already running finish); with it, every task that does not depend on a failure runs.
"""

from __future__ import annotations

import heapq
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from ifacedir.driver.plan import PIPELINE, Step, Task, TaskKey
from ifacedir.driver.recomp import Reason
from ifacedir.driver.worker import Span, TaskOutcome, TaskSpec, run_task

__all__ = ["ExecutionResult", "execute"]

Progress = Callable[[str], None]


@dataclass
class ExecutionResult:
    ran: list[tuple[str, Step]] = field(default_factory=list)
    """Every (module, phase) that was executed, in completion order."""
    why: dict[tuple[str, Step], list[str]] = field(default_factory=dict)
    """For each executed task's first phase, the reasons the check gave."""
    errors: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Modules not compiled because a module they depend on failed."""
    spans: list[tuple[str, Span]] = field(default_factory=list)
    up_to_date: int = 0


def execute(
    graph: dict[TaskKey, Task],
    spec_for: Callable[[TaskKey, tuple[Step, ...]], TaskSpec],
    check: Callable[[TaskKey, Step], list[Reason]],
    *,
    jobs: int = 1,
    keep_going: bool = False,
    first: Step = Step.TC,
    progress: Progress | None = None,
    total_modules: int = 0,
    on_settled: Callable[[TaskKey, bool], None] | None = None,
    tick: Callable[[int, int], None] | None = None,
) -> ExecutionResult:
    """Run the out-of-date tasks of ``graph`` (see the module docstring)."""
    result = ExecutionResult()
    waiting = {k: set(t.waits_for) for k, t in graph.items()}
    users: dict[TaskKey, list[TaskKey]] = {k: [] for k in graph}
    for t in graph.values():
        for w in t.waits_for:
            users[w].append(t.key)
    seq = {k: n for n, k in enumerate(graph)}
    ready: list[tuple[float, int, TaskKey]] = []
    for k, pending in waiting.items():
        if not pending:
            heapq.heappush(ready, (-graph[k].priority, seq[k], k))
    dead: set[TaskKey] = set()
    stop = False
    pool: ProcessPoolExecutor | None = None
    running: dict[Future[TaskOutcome], TaskKey] = {}

    settled = 0

    def count() -> None:
        nonlocal settled
        settled += 1
        if tick is not None:
            tick(settled, len(graph))

    def settle(k: TaskKey, ran: bool) -> None:
        count()
        if on_settled is not None:
            on_settled(k, ran)
        for u in users[k]:
            waiting[u].discard(k)
            if not waiting[u] and u not in dead:
                heapq.heappush(ready, (-graph[u].priority, seq[u], u))

    def fail(k: TaskKey) -> None:
        stack = list(users[k])
        while stack:
            u = stack.pop()
            if u in dead:
                continue
            dead.add(u)
            stack.extend(users[u])
            if u.node.module not in result.skipped and u.node.module != k.node.module:
                result.skipped.append(u.node.module)

    def finish(k: TaskKey, outcome: TaskOutcome) -> None:
        nonlocal stop
        for step in outcome.ran:
            result.ran.append((k.node.module, step))
        result.spans.extend((k.node.module, s) for s in outcome.spans)
        if outcome.error is None:
            settle(k, True)
            return
        result.errors.append(outcome.error)
        if outcome.rendered:
            result.rendered.append(outcome.rendered)
        if k.node.module not in result.failed:
            result.failed.append(k.node.module)
        fail(k)
        count()
        if on_settled is not None:
            on_settled(k, True)
        if not keep_going:
            stop = True

    def steps_of(k: TaskKey) -> tuple[Step, ...]:
        if k.step is not Step.ALL:
            return (k.step,)
        if k.node.boot:
            return (Step.TC,)
        return tuple(s for s in PIPELINE if PIPELINE.index(s) >= PIPELINE.index(first))

    try:
        while ready or running:
            while ready and not stop and (jobs <= 1 or len(running) < jobs):
                _prio, _n, k = heapq.heappop(ready)
                if k in dead:
                    continue
                steps = steps_of(k)
                todo: tuple[Step, ...] = ()
                for i, step in enumerate(steps):
                    why = check(k, step)
                    if why:
                        todo = steps[i:]
                        result.why[(k.node.module, step)] = [str(r) for r in why]
                        break
                if not todo:
                    result.up_to_date += 1
                    settle(k, False)
                    continue
                if progress is not None:
                    idx = graph[k].index
                    width = len(str(total_modules))
                    verb = k.step.verb
                    what = f"{k.node.module}[boot]" if k.node.boot else k.node.module
                    progress(f"[{idx:>{width}} of {total_modules}] {verb} {what}")
                spec = spec_for(k, todo)
                if jobs <= 1:
                    finish(k, run_task(spec))
                    continue
                if pool is None:
                    import multiprocessing

                    method = "fork" if sys.platform.startswith("linux") else "spawn"
                    ctx = multiprocessing.get_context(method)
                    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
                running[pool.submit(run_task, spec)] = k
            if not running:
                if stop:
                    break
                continue
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=lambda f: seq[running[f]]):
                k = running.pop(fut)
                try:
                    outcome = fut.result()
                except Exception as exc:  # the worker died (killed, out of memory)
                    outcome = TaskOutcome(
                        error=f"module {k.node.module}: worker failed: {type(exc).__name__}: {exc}"
                    )
                finish(k, outcome)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return result


def trace_events(spans: Sequence[tuple[str, Span]], origin_ns: int) -> dict[str, object]:
    """A Chrome / Perfetto trace (the JSON "trace event format"): one complete event
    ("ph": "X") per (module, phase), on the track of the process that ran it."""
    events: list[dict[str, object]] = []
    pids = sorted({s.pid for _, s in spans})
    for n, pid in enumerate(pids):
        events.append(
            {
                "name": "thread_name",
                "ph": "M",
                "pid": 1,
                "tid": pid,
                "args": {"name": f"worker {n + 1}"},
            }
        )
    for module, s in spans:
        events.append(
            {
                "name": f"{s.step.value} {module}",
                "cat": s.step.value,
                "ph": "X",
                "pid": 1,
                "tid": s.pid,
                "ts": (s.start_ns - origin_ns) / 1000,
                "dur": (s.end_ns - s.start_ns) / 1000,
                "args": {"module": module, "phase": s.step.value},
            }
        )
    return {"traceEvents": events, "displayTimeUnit": "ms"}
