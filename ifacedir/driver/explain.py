"""``ifacedir explain``: for each module and phase, would a build run it, and why.

The same check the build runs before each task (ifacedir.driver.inputs and the pure
``decide``), applied to every task of the plan without running any. A task whose own
check passes but that waits for a task that will run is ``maybe``: whether it runs
depends on whether that task's output changes (the build stops early when a rebuilt
file comes out byte-identical).
"""

from __future__ import annotations

import enum
from pathlib import Path

from pydantic import BaseModel, Field

from ifacedir.driver.build import BuildOptions, BuildResult, prepare
from ifacedir.driver.plan import PIPELINE, Step, Task, TaskKey

__all__ = ["Explanation", "PhaseVerdict", "Verdict", "explain"]


class Verdict(enum.StrEnum):
    UP_TO_DATE = "up-to-date"
    REBUILD = "rebuild"
    MAYBE = "maybe"


class PhaseVerdict(BaseModel):
    module: str
    phase: str
    verdict: Verdict
    reasons: list[str] = Field(default_factory=list)


class Explanation(BaseModel):
    """What ``ifacedir explain --json`` prints."""

    outdir: str
    ok: bool
    phases: list[PhaseVerdict]
    errors: list[str] = Field(default_factory=list)


def explain(path: Path, outdir: Path, options: BuildOptions) -> Explanation:
    """Every task's verdict, in build order (see the module docstring)."""
    result = BuildResult(outdir)
    prepared = prepare(path, outdir, options, result, use_state=False)  # reads only
    if prepared is None:
        errors = ([result.rendered] if result.rendered else []) + result.errors
        return Explanation(outdir=str(outdir), ok=False, phases=[], errors=errors)
    verdicts: dict[TaskKey, Verdict] = {}
    out: list[PhaseVerdict] = []
    for key in _topological(prepared.plan):
        task = prepared.plan[key]
        steps = (key.step,) if key.step is not Step.ALL else PIPELINE
        upstream = [w for w in task.waits_for if verdicts[w] is not Verdict.UP_TO_DATE]
        verdict = Verdict.UP_TO_DATE
        for step in steps if not key.node.boot else (Step.TC,):
            why = prepared.check(key, step)
            if why:
                verdict = Verdict.REBUILD
                reasons = [str(r) for r in why]
            elif upstream:
                verdict = Verdict.MAYBE
                reasons = [
                    f"waits for {w} (rebuilt: the result may be unchanged)" for w in upstream
                ]
            else:
                reasons = []
            out.append(
                PhaseVerdict(
                    module=str(key.node), phase=step.value, verdict=verdict, reasons=reasons
                )
            )
            if verdict is Verdict.REBUILD:
                upstream = [key]
        verdicts[key] = verdict
    return Explanation(outdir=str(outdir), ok=True, phases=out)


def _topological(plan: dict[TaskKey, Task]) -> list[TaskKey]:
    """The plan's keys, each after what it waits for (plan order is one already, except
    for waits on loop members that come later: those are moved after them)."""
    placed: set[TaskKey] = set()
    out: list[TaskKey] = []
    pending = list(plan)
    while pending:
        rest: list[TaskKey] = []
        for k in pending:
            if all(w in placed for w in plan[k].waits_for):
                placed.add(k)
                out.append(k)
            else:
                rest.append(k)
        if len(rest) == len(pending):  # cannot happen for a plan; do not loop forever
            out.extend(rest)
            break
        pending = rest
    return out
