"""``BuildReport``: what ``ifacedir build --json`` and ``resume --json`` print.

A pydantic model, so that ``schemas/build.schema.json`` is generated from it
(ifacedir.schemas) and tools can validate what they read.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["BuildReport"]


class BuildReport(BaseModel):
    """What ``ifacedir build --json`` and ``resume --json`` print."""

    outdir: str = Field(description="the output directory")
    ok: bool = Field(description="every module went through every phase")
    modules: list[str] = Field(description="modules compiled, in dependency order")
    errors: list[str] = Field(description="type errors (GHC-style text) and phase failures")
    notes: list[str] = Field(description="one-line notes (the base cache was built, ...)")
