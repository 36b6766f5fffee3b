"""``BuildReport``: what ``ifacedir build --json`` and ``resume --json`` print.

A pydantic model, so that ``schemas/build.schema.json`` is generated from it
(ifacedir.schemas) and tools can validate what they read.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["BuildReport", "TaskRun"]


class TaskRun(BaseModel):
    """One (module, phase) the build executed."""

    module: str
    phase: str = Field(description="tc, ds, simpl, hi or codegen")
    why: list[str] = Field(
        default_factory=list,
        description="the recompilation check's reasons (for the first phase run of a task)",
    )


class BuildReport(BaseModel):
    """What ``ifacedir build --json`` and ``resume --json`` print."""

    outdir: str = Field(description="the output directory")
    ok: bool = Field(description="every module went through every phase")
    modules: list[str] = Field(description="modules compiled, in dependency order")
    errors: list[str] = Field(description="type errors (GHC-style text) and phase failures")
    notes: list[str] = Field(description="one-line notes (the base cache was built, ...)")
    ran: list[TaskRun] = Field(
        default_factory=list,
        description="every (module, phase) executed; up-to-date ones are absent",
    )
    up_to_date: int = Field(default=0, description="tasks the recompilation check found up to date")
    skipped: list[str] = Field(
        default_factory=list, description="modules not compiled because one below them failed"
    )
